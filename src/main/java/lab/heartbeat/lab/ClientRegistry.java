package lab.heartbeat.lab;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.heartbeat.transport.ReconnectingClient;

/** A lab's clients by name and group: their names, their loopback addresses, and which ones a target names. */
final class ClientRegistry {
    private final boolean ownAddresses;
    private final Map<String, ReconnectingClient> clients = new LinkedHashMap<>();
    private final Map<String, Integer> groupSizes = new LinkedHashMap<>();
    private final Map<String, String> groupOf = new HashMap<>();
    private int addressesGiven;

    /** With {@code ownAddresses}, each client gets a loopback address of its own, for network faults to tell them apart. */
    ClientRegistry(boolean ownAddresses) {
        this.ownAddresses = ownAddresses;
    }

    /** The next free name in the group: {@code group-1}, {@code group-2}, ... */
    synchronized String newName(String groupName) {
        int next = groupSizes.getOrDefault(groupName, 0);
        String name = ClientNames.of(groupName, ++next);
        while (clients.containsKey(name)) {
            name = ClientNames.of(groupName, ++next);
        }
        groupSizes.put(groupName, next);
        return name;
    }

    /** Each client its own loopback address (127.1.x.y), so a network fault follows its reconnections; else null. */
    synchronized InetAddress newAddress() {
        if (!ownAddresses) {
            return null;
        }
        int n = addressesGiven++;
        byte[] a = {127, 1, (byte) (n / 250 % 250), (byte) (n % 250 + 1)};
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    synchronized void add(String groupName, ReconnectingClient client) {
        clients.put(client.name(), client);
        groupOf.put(client.name(), groupName);
    }

    /** Forgets these clients and returns those that were here. */
    synchronized List<ReconnectingClient> remove(Collection<String> names) {
        List<ReconnectingClient> removed = new ArrayList<>();
        for (String name : names) {
            ReconnectingClient c = clients.remove(name);
            groupOf.remove(name);
            if (c != null) {
                removed.add(c);
            }
        }
        return removed;
    }

    /** The clients a target names (see {@link ClientNames}). */
    synchronized List<ReconnectingClient> select(String target) {
        Set<ReconnectingClient> selected = new LinkedHashSet<>();
        for (String t : ClientNames.parts(target)) {
            for (ReconnectingClient c : clients.values()) {
                if (ClientNames.ALL.equals(t) || c.name().equals(t) || t.equals(groupOf.get(c.name()))) {
                    selected.add(c);
                }
            }
        }
        return List.copyOf(selected);
    }

    synchronized Map<String, String> groups() {
        return Map.copyOf(groupOf);
    }

    synchronized List<ReconnectingClient> all() {
        return List.copyOf(clients.values());
    }

    synchronized List<String> names() {
        return List.copyOf(clients.keySet());
    }
}
