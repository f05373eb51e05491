package lab.heartbeat.ui.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import lab.heartbeat.control.RemoteLabException;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Race;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ServerSettings;

/**
 * The dashboard's own lab and the labs attached to it, as one: the rows of all (an attached lab's
 * clients named {@code client@host:port}), their events merged, every race; each command goes to
 * the lab that owns the clients it names. The embedded lab alone, it reads as that lab.
 */
public final class LabsGateway implements LabGateway {
    private final LabGateway local;
    private final LongSupplier clock;
    private final List<AttachedLab> attached = new CopyOnWriteArrayList<>();
    private final AtomicLong changes = new AtomicLong();
    private final MergedReadings merged = new MergedReadings();

    /** {@code clock} is the one the embedded lab's times are on (the system's monotonic clock for a real lab). */
    public LabsGateway(LabGateway local, LongSupplier clock) {
        this.local = local;
        this.clock = clock;
    }

    /** The embedded lab. */
    public LabGateway local() {
        return local;
    }

    /** Attaches the lab at {@code address} ({@code host:port}); blocks on its API, so call it off the FX thread. */
    public AttachedLab attach(String address, String token) throws RemoteLabException, InterruptedException {
        if (attachedLab(address) != null) {
            throw new IllegalStateException(address + " is attached already");
        }
        AttachedLab lab = AttachedLab.attach(address, token, local.startNanos(), clock);
        attached.add(lab);
        changes.incrementAndGet();
        return lab;
    }

    /** Detaches the lab with this name ({@code host:port}): its rows and races go; the lab runs on. */
    public void detach(String name) throws InterruptedException {
        AttachedLab lab = attachedLab(name);
        if (lab != null) {
            attached.remove(lab);
            // The detached lab's changes stay counted: the sum must grow, or a lab whose races
            // changed once would leave it where it was, and its races would stay on screen.
            changes.addAndGet(lab.raceVersion() + 1);
            lab.close();
        }
    }

    /** The attached labs' names. */
    public List<String> attached() {
        return attached.stream().map(AttachedLab::name).toList();
    }

    private AttachedLab attachedLab(String name) {
        return attached.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public TelemetrySnapshot snapshot() {
        TelemetrySnapshot s = local.snapshot();
        merged.pump(local, s, attached);
        List<EndpointView> clients = s.clients();
        if (!attached.isEmpty()) {
            clients = new ArrayList<>(s.clients());
            for (AttachedLab a : attached) {
                clients.addAll(a.clients());
            }
        }
        return new TelemetrySnapshot(s.nanos(), clients, s.serverConnections(), merged.eventCount(),
                merged.detectionCount());
    }

    @Override
    public Events eventsSince(long seen) {
        return merged.eventsSince(seen);
    }

    @Override
    public List<Detection> detectionsSince(int index) {
        return merged.detectionsSince(index);
    }

    @Override
    public List<Detection> endsSince(int index) {
        return local.endsSince(index);
    }

    @Override
    public Optional<SeriesView> series(String track) {
        if (LabNames.local(track)) {
            return local.series(track);
        }
        AttachedLab lab = attachedLab(LabNames.labOf(track));
        return lab == null ? Optional.empty() : lab.series(track);
    }

    @Override
    public long startNanos() {
        return local.startNanos();
    }

    @Override
    public String transport() {
        return local.transport();
    }

    @Override
    public int port() {
        return local.port();
    }

    @Override
    public ServerSettings serverSettings() {
        return local.serverSettings();
    }

    @Override
    public SweepParams serverSweep() {
        return local.serverSweep();
    }

    @Override
    public void updateSweep(SweepParams sweep) {
        local.updateSweep(sweep);
    }

    @Override
    public List<String> addClients(String group, int count, Profile profile) {
        return local.addClients(group, count, profile);
    }

    @Override
    public void removeClients(Collection<String> names) throws InterruptedException {
        Map<String, List<String>> byLab = byLab(names);
        List<String> own = byLab.remove(LabNames.LOCAL);
        if (own != null) {
            local.removeClients(own);
        }
        for (var e : byLab.entrySet()) {
            owner(e.getKey()).remove(e.getValue());
        }
    }

    @Override
    public String name() {
        return local.name();
    }

    @Override
    public FaultStatus faultStatus() {
        return local.faultStatus();
    }

    @Override
    public void inject(FaultKind kind, String target, Latency latency) throws FaultException {
        Map<String, List<String>> byLab = byLab(List.of(target.split(",")));
        List<String> own = byLab.remove(LabNames.LOCAL);
        if (own != null) {
            local.inject(kind, String.join(",", own), latency);
        }
        for (var e : byLab.entrySet()) {
            AttachedLab lab = owner(e.getKey());
            try {
                lab.inject(kind, e.getValue(), latency);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new FaultException(kind.label() + " on " + lab.name() + " was interrupted");
            }
        }
    }

    @Override
    public void plugIn(String target) throws FaultException {
        clear(target, true);
    }

    @Override
    public void unfreeze(String target) throws FaultException {
        clear(target, false);
    }

    private void clear(String target, boolean network) throws FaultException {
        Map<String, List<String>> byLab = byLab(List.of(target.split(",")));
        List<String> own = byLab.remove(LabNames.LOCAL);
        if (own != null) {
            if (network) {
                local.plugIn(String.join(",", own));
            } else {
                local.unfreeze(String.join(",", own));
            }
        }
        for (var e : byLab.entrySet()) {
            try {
                owner(e.getKey()).clear(e.getValue(), k -> k != null && (network ? k.network()
                        : k == FaultKind.FREEZE_CLIENT || k == FaultKind.FREEZE_SERVER));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new FaultException("clearing faults on " + e.getKey() + " was interrupted");
            }
        }
    }

    /** The names by lab ({@link LabNames#LOCAL} or an attached one's), each as its own lab calls it. */
    private static Map<String, List<String>> byLab(Collection<String> names) {
        Map<String, List<String>> byLab = new LinkedHashMap<>();
        for (String n : names) {
            String name = n.strip();
            byLab.computeIfAbsent(LabNames.labOf(name), k -> new ArrayList<>()).add(LabNames.nameOf(name));
        }
        return byLab;
    }

    private AttachedLab owner(String name) {
        AttachedLab lab = attachedLab(name);
        if (lab == null) {
            throw new IllegalStateException(name + " is not attached");
        }
        return lab;
    }

    @Override
    public void restartServer(Duration down) throws InterruptedException, FaultException {
        local.restartServer(down);
    }

    @Override
    public List<FaultRecord> faults() {
        return local.faults();
    }

    @Override
    public List<Race> races() {
        return local.races();
    }

    /** The embedded lab's races and every attached lab's, by t0 on the dashboard's axis: the latest last. */
    @Override
    public List<RaceSnapshot> raceSnapshots() {
        List<RaceSnapshot> all = new ArrayList<>(local.raceSnapshots());
        attached.forEach(a -> all.addAll(a.races()));
        if (!attached.isEmpty()) {
            all.sort(Comparator.comparingDouble(RaceSnapshot::t0Seconds));
        }
        return all;
    }

    @Override
    public long raceVersion() {
        return changes.get() + attached.stream().mapToLong(AttachedLab::raceVersion).sum();
    }

    @Override
    public void close() throws InterruptedException {
        for (AttachedLab a : attached) {
            a.close();
        }
        attached.clear();
        local.close();
    }
}
