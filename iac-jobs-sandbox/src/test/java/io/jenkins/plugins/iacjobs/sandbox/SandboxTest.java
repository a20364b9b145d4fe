package io.jenkins.plugins.iacjobs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.sandbox.genesys.HistoryShape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SandboxTest {

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults())) {
            assertTrue(sandbox.port() > 0);
            assertEquals("http://127.0.0.1:" + sandbox.port(), sandbox.baseUrl());
        }
    }

    @Test
    void countersAreServedAsJson() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, false,
                    "[{\"name\":\"queue_name\",\"value\":\"Q\"}]").get("id").asText();
            client.get("/api/v2/infrastructureascode/jobs/" + id);
            client.get("/api/v2/infrastructureascode/jobs");
            client.get("/api/v2/infrastructureascode/accelerators");
            JsonNode counters = client.get("/sandbox/counters").json();
            Map<String, Long> expected = Map.of("tokenRequests", 1L, "submitRequests", 1L, "jobsCreated", 1L,
                    "statusRequests", 1L, "historyRequests", 1L, "acceleratorRequests", 1L, "totalRequests", 5L,
                    "faultsInjected", 0L);
            expected.forEach((name, value) -> assertEquals(value, counters.get(name).asLong(), name));
            assertEquals(expected, sandbox.counters().snapshot());
        }
    }

    @Test
    void listsEveryIssuedTokenSoTestsCanSearchForThem() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults())) {
            TestClient client = new TestClient(sandbox);
            String first = client.login();
            String second = client.login();
            JsonNode tokens = client.get("/sandbox/issued-tokens").json().get("tokens");
            assertEquals(2, tokens.size());
            assertEquals(first, tokens.get(0).asText());
            assertEquals(second, tokens.get(1).asText());
        }
    }

    @Test
    void listsJobsWithWhenTheyEndForBenchmarksInOtherProcesses() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(2))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, "[{\"name\":\"queue_name\",\"value\":\"Q\"}]")
                    .get("id").asText();
            JsonNode job = client.get("/sandbox/genesys/jobs").json().get("jobs").get(0);
            assertEquals(id, job.get("id").asText());
            Duration lasts = Duration.between(Instant.parse(job.get("submittedAt").asText()),
                    Instant.parse(job.get("terminalAt").asText()));
            assertEquals(9_000, lasts.toMillis(), "0.5 + 1 + 3 seconds, times the time scale");
        }
    }

    @Test
    void servesManyConcurrentClients() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.01))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> jobs = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    int n = i;
                    jobs.add(pool.submit(() -> {
                        String id = client.submit(AcceleratorCatalogue.QUEUE_SETUP_ID, n % 2 == 0,
                                "[{\"name\":\"queue_name\",\"value\":\"q" + n + "\"},{\"name\":\"routing_method\",\"value\":\"Standard\"}]")
                                .get("id").asText();
                        return client.awaitTerminal(id).get("status").asText();
                    }));
                }
                for (Future<String> job : jobs) {
                    assertEquals("Complete", job.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(64, sandbox.counters().jobsCreated());
            assertEquals(64, sandbox.genesys().jobs().size());
        }
    }

    @Test
    void configValidatesAndHidesTheSecret() {
        SandboxConfig config = SandboxConfig.defaults();
        assertFalse(config.toString().contains(config.genesysClientSecret()));
        assertThrows(IllegalArgumentException.class, () -> config.withTimeScale(-1));
        assertThrows(IllegalArgumentException.class, () -> config.withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> config.withTokenLifetimeSeconds(0));
        assertEquals("given", config.withGenesysClient("id", "given").genesysClientSecret());
    }

    @Test
    void mainParsesOptionsAndDescribesTheSandbox() {
        SandboxConfig config = SandboxMain.parse(new String[] {"--port", "0", "--faults", "429,latency=5",
                "--time-scale", "0.5", "--history-shape", "array"});
        assertEquals(7, config.faults().rateLimitEvery());
        assertEquals(5, config.faults().latencyMillis());
        assertEquals(0.5, config.timeScale());
        assertEquals(HistoryShape.ARRAY, config.historyShape());
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse(new String[] {"--colour", "red"}));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse(new String[] {"--port"}));

        try (Sandbox sandbox = Sandbox.start(config)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SandboxMain.describe(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains(sandbox.baseUrl()));
            assertTrue(text.contains(sandbox.genesysClientSecret()));
        }
    }
}
