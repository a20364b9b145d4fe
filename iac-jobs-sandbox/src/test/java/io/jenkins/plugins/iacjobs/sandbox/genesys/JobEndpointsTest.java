package io.jenkins.plugins.iacjobs.sandbox.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.TestClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobEndpointsTest {

    private static final String JOBS = "/api/v2/infrastructureascode/jobs";
    private static final String IVR_PARAMS = "[{\"name\":\"queue_name\",\"value\":\"Support\"},"
            + "{\"name\":\"greeting_language\",\"value\":\"fr-CA\"},{\"name\":\"flow_api_secret\",\"value\":\"s3cr3t-value\"}]";

    private Sandbox sandbox;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.01));
        client = new TestClient(sandbox);
        client.login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void submitReturnsCreatedJob() throws Exception {
        TestClient.Response response = client.post(JOBS, "{\"acceleratorId\":\"" + AcceleratorCatalogue.SIMPLE_IVR_ID
                + "\",\"dryRun\":true,\"parameters\":" + IVR_PARAMS + "}");
        assertEquals(200, response.status());
        assertTrue(response.header("ININ-Correlation-Id").matches("[0-9a-f-]{36}"));
        JsonNode job = response.json();
        assertEquals(List.of("id", "dryRun", "acceleratorId", "dateSubmitted", "submittedBy", "status", "selfUri"), fieldNames(job));
        assertTrue(job.get("id").asText().matches("[0-9a-f-]{36}"));
        assertTrue(job.get("dryRun").isBoolean());
        assertTrue(job.get("dryRun").asBoolean());
        assertEquals(AcceleratorCatalogue.SIMPLE_IVR_ID, job.get("acceleratorId").asText());
        assertTrue(job.get("dateSubmitted").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                job.get("dateSubmitted").asText());
        assertEquals(sandbox.genesys().submitterId(), job.get("submittedBy").get("id").asText());
        assertEquals("/api/v2/users/" + sandbox.genesys().submitterId(), job.get("submittedBy").get("selfUri").asText());
        assertEquals("Created", job.get("status").asText());
        assertEquals(JOBS + "/" + job.get("id").asText(), job.get("selfUri").asText());
        assertEquals(1, sandbox.counters().submitRequests());
        assertEquals(1, sandbox.counters().jobsCreated());
        assertEquals(1, sandbox.counters().submissionsFor(job.get("id").asText()));
        assertEquals(1, sandbox.counters().submissionsFor(AcceleratorCatalogue.SIMPLE_IVR_ID));
    }

    @Test
    void dryRunCompletesWithMaskedPlanAsString() throws Exception {
        String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, IVR_PARAMS).get("id").asText();
        JsonNode done = client.awaitTerminal(id);
        assertEquals("Complete", done.get("status").asText());
        assertNull(done.get("errorInfo"));
        assertTrue(done.get("results").isTextual(), "results is a string");
        String results = done.get("results").asText();
        assertFalse(results.contains("s3cr3t-value"), results);
        JsonNode plan = new ObjectMapper().readTree(results);
        assertEquals("********", plan.get("parameters").get("flow_api_secret").asText());
        assertEquals("Support", plan.get("parameters").get("queue_name").asText());
        assertEquals("Home", plan.get("parameters").get("division").asText());
        assertEquals("create", plan.get("resources").get(0).get("action").asText());
        assertEquals("Support", plan.get("resources").get(0).get("name").asText());
        assertTrue(results.contains("\n"), "pretty-printed");

        JsonNode plain = client.get(JOBS + "/" + id).json();
        assertNull(plain.get("results"), "no results without details");
        assertTrue(sandbox.genesys().terminalAt(id).isPresent());
    }

    /** The drift switch, over HTTP as a scenario outside this JVM flips it: in sync, a dry run plans nothing. */
    @Test
    void anAcceleratorInSyncPlansNoChangesUntilItDriftsAgain() throws Exception {
        assertEquals(200, client.post("/sandbox/genesys/in-sync?accelerator=Simple%20IVR&value=true", "").status());
        String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, IVR_PARAMS).get("id").asText();
        JsonNode plan = new ObjectMapper().readTree(client.awaitTerminal(id).get("results").asText());
        assertEquals(0, plan.get("resources").size());
        assertEquals(0, plan.get("summary").get("create").asInt());
        assertEquals("********", plan.get("parameters").get("flow_api_secret").asText());
        String applied = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, false, IVR_PARAMS).get("id").asText();
        assertTrue(new ObjectMapper().readTree(client.awaitTerminal(applied).get("results").asText()).size() > 0,
                "an applied run still makes what it makes");

        assertEquals(200, client.post("/sandbox/genesys/in-sync?accelerator=" + AcceleratorCatalogue.SIMPLE_IVR_ID + "&value=false", "").status());
        String drifted = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, IVR_PARAMS).get("id").asText();
        JsonNode again = new ObjectMapper().readTree(client.awaitTerminal(drifted).get("results").asText());
        assertTrue(again.get("resources").size() > 0, again.toString());
        assertEquals(404, client.post("/sandbox/genesys/in-sync?accelerator=Nope&value=true", "").status());
    }

    @Test
    void appliedRunListsCreatedResources() throws Exception {
        String id = client.submit(AcceleratorCatalogue.QUEUE_SETUP_ID, false,
                "[{\"name\":\"queue_name\",\"value\":\"Sales\"},{\"name\":\"routing_method\",\"value\":\"Bullseye\"}]")
                .get("id").asText();
        JsonNode done = client.awaitTerminal(id);
        assertEquals("Complete", done.get("status").asText());
        JsonNode created = new ObjectMapper().readTree(done.get("results").asText());
        assertTrue(created.isArray());
        assertEquals("genesyscloud_routing_queue", created.get(0).get("type").asText());
        assertEquals("Sales", created.get(0).get("name").asText());
    }

    @Test
    void jobProgressesThroughStatusesToComplete() throws Exception {
        sandbox.genesys().setJobPlanner((acc, params, dryRun, index) -> JobPlan.complete(ResultsSource.of("ok"))
                .withPhases(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, IVR_PARAMS).get("id").asText();
        List<String> seen = new ArrayList<>();
        JsonNode done = client.awaitJob(id, job -> {
            String status = job.get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            return status.equals("Complete");
        });
        assertEquals(List.of("Created", "Queued", "Running", "Complete"), seen);
        assertEquals("ok", done.get("results").asText());
        assertEquals(JobStatus.COMPLETE, sandbox.genesys().job(id).orElseThrow().status());
    }

    @Test
    void brokenTrunkFailsWithErrorInfo() throws Exception {
        String id = client.submit(AcceleratorCatalogue.BROKEN_TRUNK_ID, false, "[]").get("id").asText();
        JsonNode done = client.awaitTerminal(id);
        assertEquals("Failed", done.get("status").asText());
        assertEquals("trunk 'edge-1' not found in division Home", done.get("errorInfo").get("message").asText());
        assertEquals("bad.request", done.get("errorInfo").get("code").asText());
        assertNull(client.get(JOBS + "/" + id).json().get("errorInfo"), "no errorInfo without details");
    }

    @Test
    void partialRolloutEndsIncomplete() throws Exception {
        String id = client.submit(AcceleratorCatalogue.PARTIAL_ROLLOUT_ID, false,
                "[{\"name\":\"rollout_name\",\"value\":\"r1\"}]").get("id").asText();
        JsonNode done = client.awaitTerminal(id);
        assertEquals("Incomplete", done.get("status").asText());
        assertEquals("partial.failure", done.get("errorInfo").get("code").asText());
        assertTrue(done.get("results").isTextual());
        assertEquals(2, new ObjectMapper().readTree(done.get("results").asText()).size());
    }

    @Test
    void badSubmissionsAreBadRequestsNamingTheProblem() throws Exception {
        String ivr = AcceleratorCatalogue.SIMPLE_IVR_ID;
        Map<String, String> cases = Map.of(
                "{\"dryRun\":true}", "acceleratorId",
                "{\"acceleratorId\":\"nope\"}", "nope",
                "{\"acceleratorId\":\"" + ivr + "\",\"parameters\":[{\"name\":\"queue_name\",\"value\":5}]}", "queue_name",
                "{\"acceleratorId\":\"" + ivr + "\",\"parameters\":[{\"name\":\"colour\",\"value\":\"red\"}]}", "colour",
                "{\"acceleratorId\":\"" + ivr + "\",\"parameters\":[]}", "queue_name",
                "{\"acceleratorId\":\"" + ivr + "\",\"parameters\":[{\"name\":\"queue_name\",\"value\":\"Q\"},"
                        + "{\"name\":\"greeting_language\",\"value\":\"de-DE\"}]}", "greeting_language",
                "{\"acceleratorId\":\"" + ivr + "\",\"dryRun\":\"yes\",\"parameters\":[]}", "dryRun",
                "not json", "JSON");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            TestClient.Response response = client.post(JOBS, c.getKey());
            assertEquals(400, response.status(), c.getKey());
            assertEquals("bad.request", response.json().get("code").asText());
            assertEquals(400, response.json().get("status").asInt());
            assertTrue(response.json().get("message").asText().contains(c.getValue()),
                    c.getKey() + " -> " + response.json().get("message"));
        }
        assertEquals(0, sandbox.counters().jobsCreated());
    }

    @Test
    void unknownJobIsNotFound() throws Exception {
        TestClient.Response response = client.get(JOBS + "/1b4e28ba-2fa1-11d2-883f-0016d3cca427?details=true");
        assertEquals(404, response.status());
        assertEquals("not.found", response.json().get("code").asText());
        assertEquals(400, client.get(JOBS + "/x?details=maybe").status());
    }

    @Test
    void plannerSeesEffectiveParametersAndIndex() throws Exception {
        Map<Integer, Map<String, String>> seen = new ConcurrentHashMap<>();
        sandbox.genesys().setJobPlanner((acc, params, dryRun, index) -> {
            seen.put(index, params);
            return sandbox.genesys().defaultPlanner().plan(acc, params, dryRun, index);
        });
        client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, "[{\"name\":\"queue_name\",\"value\":\"A\"}]");
        client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, "[{\"name\":\"queue_name\",\"value\":\"B\"}]");
        assertEquals(Map.of("queue_name", "A", "division", "Home", "greeting_language", "en-US"), seen.get(0));
        assertEquals("B", seen.get(1).get("queue_name"));
    }

    @Test
    void largeResultsAreStreamed() throws Exception {
        long size = 30L * 1024 * 1024;
        sandbox.genesys().setJobPlanner((acc, params, dryRun, index) ->
                JobPlan.complete(ResultsSource.repeated("0123456789abcdef\n", size)).withPhases());
        String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, false, "[{\"name\":\"queue_name\",\"value\":\"Q\"}]")
                .get("id").asText();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + JOBS + "/" + id + "?details=true"))
                .header("Authorization", "Bearer " + client.token()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long total = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        // each "\n" is escaped as two characters in the JSON string
        long escaped = size + size / 17;
        assertTrue(total > escaped && total < escaped + 1000, "body bytes " + total);
    }

    @Test
    void largeJsonArrayResultsAreValidJson() throws Exception {
        sandbox.genesys().setJobPlanner((acc, params, dryRun, index) ->
                JobPlan.complete(ResultsSource.jsonArray("{\"n\":1}", 1000)).withPhases());
        String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, false, "[{\"name\":\"queue_name\",\"value\":\"Q\"}]")
                .get("id").asText();
        JsonNode done = client.awaitTerminal(id);
        assertEquals(1000, new ObjectMapper().readTree(done.get("results").asText()).size());
    }

    @Test
    void terminalAtIsTheScheduledInstant() throws Exception {
        sandbox.genesys().setJobPlanner((acc, params, dryRun, index) ->
                JobPlan.failed("x", "boom").withPhases(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)));
        Instant before = Instant.now();
        String id = client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, false, "[{\"name\":\"queue_name\",\"value\":\"Q\"}]")
                .get("id").asText();
        client.awaitTerminal(id);
        Thread.sleep(100);
        GenesysJob job = sandbox.genesys().job(id).orElseThrow();
        Instant terminal = sandbox.genesys().terminalAt(id).orElseThrow();
        assertEquals(job.scheduledTerminalAt(), terminal);
        assertEquals(job.dateSubmitted().plusMillis(50), terminal);
        assertFalse(terminal.isBefore(before));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
