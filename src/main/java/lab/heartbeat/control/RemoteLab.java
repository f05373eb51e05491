package lab.heartbeat.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import lab.heartbeat.lab.EventJson;
import lab.heartbeat.lab.Report;

/**
 * Another lab process seen through its control API (docs/API.md): what it is, its clients, its
 * faults and their races, and its events followed on a thread of their own. Every refusal is a
 * {@link RemoteLabException} of one sentence.
 */
public final class RemoteLab implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final String address;
    private final String token;
    private final LabJson lab;

    private RemoteLab(HttpClient http, String address, String token, LabJson lab) {
        this.http = http;
        this.address = address;
        this.token = token;
        this.lab = lab;
    }

    /**
     * Connects to the control API at {@code address} ({@code host:port}) with {@code token} (null or
     * blank: none) and checks that a heartbeat lab answers.
     */
    public static RemoteLab connect(String address, String token) throws RemoteLabException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String given = token == null || token.isBlank() ? null : token.strip();
        RemoteLab unchecked = new RemoteLab(http, address, given, null);
        try {
            LabJson info = unchecked.read("/lab", LabJson.class);
            if (!LabJson.HEARTBEAT_LAB.equals(info.lab())) {
                throw new RemoteLabException(address + " is not a heartbeat lab's control API (GET /lab says '"
                        + info.lab() + "')", 200);
            }
            return new RemoteLab(http, address, given, info);
        } catch (RemoteLabException e) {
            close(http);
            throw e.status() == 404 ? new RemoteLabException(address
                    + " is not a heartbeat lab's control API (GET /lab answered 404)", 404) : e;
        }
    }

    /** {@code host:port}, as given. */
    public String address() {
        return address;
    }

    /** What the lab said when it was connected to. */
    public LabJson lab() {
        return lab;
    }

    /** What the lab says now (its uptime grows). */
    public LabJson readLab() throws RemoteLabException, InterruptedException {
        return read("/lab", LabJson.class);
    }

    public List<ClientJson> clients() throws RemoteLabException, InterruptedException {
        return read("/clients", new TypeReference<List<ClientJson>>() { });
    }

    public List<FaultJson> faults() throws RemoteLabException, InterruptedException {
        return read("/faults", new TypeReference<List<FaultJson>>() { });
    }

    /** A fault's race, as report.json's {@code faults[]} has it. */
    public Report.Fault race(String faultId) throws RemoteLabException, InterruptedException {
        return read("/faults/" + encode(faultId) + "/race", Report.Fault.class);
    }

    /**
     * Makes a fault ({@code kind} as a scenario names it) on the clients {@code target} names; a
     * latency's delay and jitter, null for other kinds. A fault the lab cannot make is refused (409).
     */
    public FaultJson makeFault(String kind, String target, Duration delay, Duration jitter)
            throws RemoteLabException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("kind", kind).put("target", target);
        if (delay != null) {
            body.put("delay", delay.toMillis() + "ms");
            body.put("jitter", (jitter == null ? 0 : jitter.toMillis()) + "ms");
        }
        return JSON.convertValue(send("POST", "/faults", body.toString()), FaultJson.class);
    }

    /** Clears a network fault (a plug-in) or thaws a freeze. */
    public FaultJson clearFault(String faultId) throws RemoteLabException, InterruptedException {
        return JSON.convertValue(send("DELETE", "/faults/" + encode(faultId), null), FaultJson.class);
    }

    public void removeClient(String name) throws RemoteLabException, InterruptedException {
        send("DELETE", "/clients/" + encode(name), null);
    }

    /** Follows {@code GET /events} on a thread of its own until the follower is closed or the stream ends. */
    public EventFollower follow(Consumer<EventJson> onEvent) throws RemoteLabException, InterruptedException {
        // The stream lasts as long as the follower: no timeout once its headers came.
        HttpRequest events = request("/events").timeout(Duration.ofDays(365)).GET().build();
        HttpResponse<InputStream> r = exchange(events, HttpResponse.BodyHandlers.ofInputStream(), "GET /events");
        if (r.statusCode() != 200) {
            try (InputStream body = r.body()) {
                throw refused("GET /events", r.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw refused("GET /events", r.statusCode(), "");
            }
        }
        return EventFollower.start(address, r.body(), onEvent);
    }

    private <T> T read(String path, Class<T> type) throws RemoteLabException, InterruptedException {
        return JSON.convertValue(send("GET", path, null), type);
    }

    private <T> T read(String path, TypeReference<T> type) throws RemoteLabException, InterruptedException {
        return JSON.convertValue(send("GET", path, null), type);
    }

    private JsonNode send(String method, String path, String body) throws RemoteLabException, InterruptedException {
        String what = method + " " + path;
        HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        HttpResponse<String> r = exchange(b.build(), HttpResponse.BodyHandlers.ofString(), what);
        if (r.statusCode() >= 300) {
            throw refused(what, r.statusCode(), r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new RemoteLabException(address + " is not a heartbeat lab's control API (" + what
                    + " answered no JSON)", r.statusCode());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(TIMEOUT);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body, String what)
            throws RemoteLabException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (ConnectException e) {
            throw new RemoteLabException("no lab answers at " + address + " (" + (e.getMessage() == null
                    ? "connection refused" : reason(e)) + ")", 0);
        } catch (HttpConnectTimeoutException e) {
            throw new RemoteLabException("no lab answers at " + address + " (no connection within "
                    + TIMEOUT.toSeconds() + " s)", 0);
        } catch (IOException e) {
            throw new RemoteLabException(address + " did not answer " + what + " (" + reason(e) + ")", 0);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getClass().getSimpleName();
        }
        return m;
    }

    private RemoteLabException refused(String what, int status, String body) {
        String error = body;
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("error")) {
                error = n.get("error").asText();
            }
        } catch (IOException notJson) {
            // The body stays as it came.
        }
        if (status == 401) {
            return new RemoteLabException(address + " refused the token: " + error, status);
        }
        return new RemoteLabException(error == null || error.isBlank() ? address + " answered " + status + " to " + what
                : error, status);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        close(http);
    }

    /** Closes the client's connections and selector thread on JDK 21 and later, where the client can be closed. */
    private static void close(HttpClient http) {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(RemoteLab.class.getName()).log(System.Logger.Level.DEBUG, "close failed", e);
            }
        }
    }
}
