package lab.heartbeat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import lab.heartbeat.control.ControlApi.Answer;
import lab.heartbeat.detect.ParameterKey;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.testing.TeachingLab;
import lab.heartbeat.transport.ReconnectingClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request of the control API against a real lab (proxy faults), bad input and tokens included. */
class ControlServerTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration AWAIT = Duration.ofSeconds(20);

    private Lab lab;
    private ControlServer server;

    private ControlApi start(FaultBackendChoice backend, String token) throws Exception {
        LabConfig config = TeachingLab.config(backend, Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT)));
        lab = Lab.start(config);
        server = ControlServer.start(lab, LOOPBACK, token);
        return new ControlApi(server.port(), token);
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private List<String> clientNames() {
        return lab.clients().stream().map(ReconnectingClient::name).toList();
    }

    @Test
    void getClientsListsEveryClientWithItsGroupProfileStateAndCounters() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);
        await().atMost(AWAIT).until(() -> TeachingLab.settled(lab, Duration.ofSeconds(1)));

        Answer a = api.get("/clients");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).hasSize(1);
        JsonNode c = a.body().get(0);
        assertThat(c.get("name").asText()).isEqualTo("hb-1");
        assertThat(c.get("group").asText()).isEqualTo("hb");
        assertThat(c.get("profile").asText()).isEqualTo("app-heartbeat/teaching");
        assertThat(c.get("state").asText()).isEqualTo("up");
        assertThat(c.get("acksReceived").asLong()).isPositive();
        assertThat(c.has("misses") && c.has("reconnects") && c.has("rttMs") && c.has("kernelRetransmits")
                && c.has("kernelUnacked")).isTrue();
    }

    @Test
    void getLabSaysWhatTheLabIsAndHowLongItHasRun() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);
        long before = lab.telemetry().now();

        Answer a = api.get("/lab");

        long after = lab.telemetry().now();
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.body().get("lab").asText()).isEqualTo("heartbeat-lab");
        assertThat(a.body().get("uptimeMs").asDouble())
                .isBetween((before - lab.telemetry().startNanos()) / 1e6, (after - lab.telemetry().startNanos()) / 1e6);
        assertThat(a.body().get("transport").asText()).isEqualTo(lab.transport().label());
        assertThat(a.body().get("faultBackend").asText()).isEqualTo("proxy");
        assertThat(a.body().get("namespace").asText()).isEqualTo(lab.namespace().label());
        assertThat(a.body().get("serverPort").asInt()).isEqualTo(lab.target().getPort());
        assertRefused(api.post("/lab", "{}"), 405, null, "allowed: GET");
    }

    @Test
    void postClientsAddsThemAndDeleteRemovesOne() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);

        Answer added = api.post("/clients", """
                {"group": "ka", "count": 2, "profile": "os-keepalive", "preset": "teaching",
                 "parameters": {"keepaliveIdle": "3s"}}""");

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.body().get("clients")).extracting(JsonNode::asText).containsExactly("ka-1", "ka-2");
        assertThat(added.body().get("profile").asText()).startsWith("os-keepalive");
        assertThat(clientNames()).containsExactly("hb-1", "ka-1", "ka-2");
        assertThat(lab.clients().get(1).profile().keepalive().idle()).isEqualTo(Duration.ofSeconds(3));

        Answer more = api.post("/clients", "{\"group\": \"hb\"}");
        assertThat(more.status()).as(more.toString()).isEqualTo(201);
        assertThat(more.body().get("clients")).extracting(JsonNode::asText).containsExactly("hb-2");
        assertThat(more.body().get("profile").asText()).as("an existing group's profile").isEqualTo(
                "app-heartbeat/teaching");

        Answer removed = api.delete("/clients/ka-1");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(clientNames()).containsExactly("hb-1", "ka-2", "hb-2");
        assertThat(api.delete("/clients/ka-1").status()).isEqualTo(404);
    }

    @Test
    void badClientsAreRefusedWithTheFieldAndChangeNothing() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);

        assertRefused(api.post("/clients", "{\"group\": \"x\", "), 400, null, "not valid JSON");
        assertRefused(api.post("/clients", "[1]"), 400, null, "JSON object");
        assertRefused(api.post("/clients", "{\"count\": 2}"), 400, "group", "group is required");
        assertRefused(api.post("/clients", "{\"group\": \"x\", \"size\": 2}"), 400, "size", "unknown field");
        assertRefused(api.post("/clients", "{\"group\": \"x\", \"preset\": \"fast\"}"), 400, "preset",
                "unknown preset 'fast'");
        assertRefused(api.post("/clients", "{\"group\": \"x\", \"profile\": \"smoke-signal\"}"), 400, "profile",
                "smoke-signal");
        assertRefused(api.post("/clients", "{\"group\": \"x\", \"count\": 0}"), 400, "count", "between 1 and");
        assertRefused(api.post("/clients", "{\"group\": \"x\", \"count\": \"many\"}"), 400, "count", "whole number");
        assertRefused(api.post("/clients", "{\"group\": \"x y\"}"), 400, "group", "group name");
        assertRefused(api.post("/clients", "{\"group\": \"x\", \"parameters\": {\"heartbeatInterval\": \"-1s\"}}"),
                400, "parameters.heartbeatInterval", "heartbeatInterval");
        assertRefused(api.post("/clients", "{\"group\": \"x\", \"parameters\": {\"keepalivIdle\": \"3s\"}}"),
                400, "parameters.keepalivIdle", "expected one of " + ParameterKey.allKeys());

        assertThat(clientNames()).containsExactly("hb-1");
    }

    @Test
    void aFaultIsMadeListedRacedAndCleared() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);
        await().atMost(AWAIT).until(() -> TeachingLab.settled(lab, Duration.ofSeconds(1)));

        Answer made = api.post("/faults", "{\"kind\": \"cable-pull\", \"target\": \"all\"}");

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.body().get("id").asText()).isEqualTo("fault-1");
        assertThat(made.body().get("kind").asText()).isEqualTo("cable-pull");
        assertThat(made.body().get("backend").asText()).isEqualTo("proxy");
        assertThat(made.body().get("targets")).extracting(JsonNode::asText).containsExactly("hb-1");
        assertThat(made.body().get("t0").asDouble()).isPositive();
        assertThat(made.body().get("cleared").isNull()).isTrue();
        assertThat(lab.faults()).singleElement().satisfies(f -> assertThat(f.active()).isTrue());

        assertThat(api.get("/faults").body()).singleElement()
                .satisfies(f -> assertThat(f.get("id").asText()).isEqualTo("fault-1"));
        await().atMost(AWAIT).until(() -> api.get("/faults/fault-1/race").body().get("detections").size() >= 1);
        JsonNode race = api.get("/faults/1/race").body();
        assertThat(race.get("detections").get(0).get("mechanism").asText()).isEqualTo("app-heartbeat");
        assertThat(race.has("reconnected") && race.has("applyMs")).as("report.json's fields").isTrue();

        Answer cleared = api.delete("/faults/fault-1");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.body().get("cleared").asDouble()).isGreaterThan(made.body().get("t0").asDouble());
        assertThat(lab.faults().get(0).active()).isFalse();
        assertRefused(api.delete("/faults/fault-1"), 409, null, "cleared already");
        assertRefused(api.get("/faults/fault-9"), 404, null, "no fault 'fault-9'");
    }

    @Test
    void aLatencyTakesItsDelayAndAFreezeIsThawed() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);

        Answer latency = api.post("/faults", "{\"kind\": \"latency\", \"target\": \"hb\", \"delay\": \"50ms\"}");
        assertThat(latency.status()).as(latency.toString()).isEqualTo(201);
        assertThat(lab.faults().get(0).latency().delay()).isEqualTo(Duration.ofMillis(50));

        Answer freeze = api.post("/faults", "{\"kind\": \"freeze-client\", \"target\": \"hb-1\"}");
        assertThat(freeze.status()).as(freeze.toString()).isEqualTo(201);
        assertThat(freeze.body().get("backend").asText()).isEqualTo("in-process");
        assertThat(api.delete("/faults/" + freeze.body().get("id").asText()).status()).isEqualTo(200);
        assertThat(lab.faults().get(1).active()).isFalse();
    }

    @Test
    void badFaultsAreRefusedWithTheFieldAndMakeNothing() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);

        assertRefused(api.post("/faults", "{\"kind\": \"cable-pul\"}"), 400, "kind", "cable-pull");
        assertRefused(api.post("/faults", "{\"target\": \"all\"}"), 400, "kind", "kind is required");
        assertRefused(api.post("/faults", "{\"kind\": \"cable-pull\", \"target\": \"nobody\"}"), 400, "target",
                "no group or client named 'nobody'");
        assertRefused(api.post("/faults", "{\"kind\": \"plug-in\"}"), 400, "kind", "makes no fault");
        assertRefused(api.post("/faults", "{\"kind\": \"latency\", \"delay\": \"soon\"}"), 400, "delay", "duration");
        assertRefused(api.post("/faults", "{\"kind\": \"cable-pull\", \"count\": 3}"), 400, "count", "unknown field");
        assertRefused(api.post("/faults", "cable-pull"), 400, null, "not valid JSON");
        assertRefused(api.post("/faults", "{\"kind\": \"reset\", \"at\": \"1s\"}"), 400, "at", "unknown field");

        assertThat(lab.faults()).isEmpty();
    }

    @Test
    void aFaultTheBackendCannotMakeIsAConflict() throws Exception {
        ControlApi api = start(FaultBackendChoice.NONE, null);

        assertRefused(api.post("/faults", "{\"kind\": \"cable-pull\"}"), 409, null, "cable-pull is unavailable");
        assertThat(lab.faults()).isEmpty();
    }

    @Test
    void eventsStreamAsJsonLinesUntilTheReaderGoes() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);
        CompletableFuture<HttpResponse<Stream<String>>> stream = api.http().sendAsync(api.request("/events").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");

        api.post("/clients", "{\"group\": \"late\"}");

        ObjectMapper json = new ObjectMapper();
        try (Stream<String> lines = response.body()) {
            JsonNode added = lines.map(l -> {
                try {
                    return json.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + l, e);
                }
            }).filter(e -> e.get("event").asText().equals("client-added")).findFirst().orElseThrow();
            assertThat(added.get("client").asText()).isEqualTo("late-1");
            assertThat(added.has("time")).isTrue();
        }
    }

    @Test
    void aTokenIsRequiredWhenGivenAndAWrongOneIsRefused() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, "s3cret");

        assertThat(api.get("/clients").status()).isEqualTo(200);
        Answer missing = new ControlApi(server.port(), null).get("/clients");
        assertRefused(missing, 401, null, "Authorization: Bearer");
        assertRefused(new ControlApi(server.port(), "guess").post("/faults", "{\"kind\": \"cable-pull\"}"), 401, null,
                "wrong token");
        assertRefused(new ControlApi(server.port(), null).get("/events"), 401, null, "token");
        assertThat(lab.faults()).isEmpty();
    }

    @Test
    void beyondLoopbackATokenIsGeneratedWhenNoneIsGiven() throws Exception {
        InetSocketAddress everywhere = new InetSocketAddress("0.0.0.0", 0);
        String generated = ControlServer.requiredToken(everywhere, null);
        assertThat(generated).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(ControlServer.requiredToken(everywhere,
                null));
        assertThat(ControlServer.requiredToken(everywhere, "mine")).isEqualTo("mine");
        assertThat(ControlServer.requiredToken(LOOPBACK, null)).isNull();
    }

    @Test
    void unknownPathsAndMethodsAreRefusedInJson() throws Exception {
        ControlApi api = start(FaultBackendChoice.PROXY, null);

        assertRefused(api.get("/nothing"), 404, null, "no such resource");
        assertRefused(api.get("/clientsx"), 404, null, "no such resource");
        assertRefused(api.get("/faults/1/race/extra"), 404, null, "no such resource");
        assertRefused(api.delete("/clients"), 405, null, "allowed: GET, POST");
        assertRefused(api.post("/events", "{}"), 405, null, "allowed: GET");
    }

    private static void assertRefused(Answer a, int status, String field, String message) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.body().get("error").asText()).as(a.toString()).contains(message);
        if (field == null) {
            assertThat(a.body().has("field")).as(a.toString()).isFalse();
        } else {
            assertThat(a.body().get("field").asText()).as(a.toString()).isEqualTo(field);
        }
    }
}
