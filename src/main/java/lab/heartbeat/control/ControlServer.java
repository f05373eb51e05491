package lab.heartbeat.control;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.transport.TrackedThreads;

/**
 * A lab's control API: JSON over HTTP on the JDK's server (clients, faults, races, events; see
 * docs/API.md). Loopback needs no token unless one is given; any other address always needs one,
 * generated when none is given.
 */
public final class ControlServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService executor;
    private final TrackedThreads threads;
    private final EventsApi events;
    private final String token;

    private ControlServer(HttpServer http, ExecutorService executor, TrackedThreads threads, EventsApi events,
            String token) {
        this.http = http;
        this.executor = executor;
        this.threads = threads;
        this.events = events;
        this.token = token;
    }

    /** Serves the lab's API at {@code address} (port 0 picks a free one); {@code token} may be null. */
    public static ControlServer start(Lab lab, InetSocketAddress address, String token) throws IOException {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the control token must not be blank");
        }
        String required = requiredToken(address, token);
        HttpServer http = HttpServer.create(address, 0);
        TrackedThreads threads = new TrackedThreads("control-api");
        // One thread per request: an /events stream holds its thread for as long as its reader stays.
        ExecutorService executor = Executors.newCachedThreadPool(threads);
        EventsApi events = new EventsApi(lab);
        for (JsonHandler handler : List.of(new ClientsApi(lab), new FaultsApi(lab), new LabApi(lab), events)) {
            guard(http.createContext(handler.root(), handler), required);
        }
        guard(http.createContext("/", exchange -> {
            try (exchange) {
                Exchanges.sendError(exchange, Exchanges.notFound(exchange));
            }
        }), required);
        http.setExecutor(executor);
        http.start();
        return new ControlServer(http, executor, threads, events, required);
    }

    private static void guard(HttpContext context, String token) {
        if (token != null) {
            context.getFilters().add(new TokenFilter(token));
        }
    }

    /** The token given; else none on loopback, and a new one anywhere else. */
    static String requiredToken(InetSocketAddress address, String given) {
        return given != null || address.getAddress().isLoopbackAddress() ? given : newToken();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The token every request must carry, or null when none is needed (loopback without one given). */
    public String token() {
        return token;
    }

    @Override
    public void close() throws InterruptedException {
        events.stop();
        http.stop(1);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        threads.joinAll(5, TimeUnit.SECONDS);
    }
}
