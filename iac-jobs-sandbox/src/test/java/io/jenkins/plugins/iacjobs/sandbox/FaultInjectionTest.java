package io.jenkins.plugins.iacjobs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.sandbox.genesys.GenesysJob;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final String ACCELERATORS = "/api/v2/infrastructureascode/accelerators";
    private static final String JOBS = "/api/v2/infrastructureascode/jobs";
    private static final String SUBMIT = "{\"acceleratorId\":\"" + AcceleratorCatalogue.SIMPLE_IVR_ID
            + "\",\"dryRun\":true,\"parameters\":[{\"name\":\"queue_name\",\"value\":\"Q\"}]}";

    private static List<Integer> statuses(TestClient client, int n) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(client.get(ACCELERATORS).status());
        }
        return statuses;
    }

    @Test
    void rateLimitEveryNthWithAlternatingRetryAfter() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withFaults(FaultPlan.none().withRateLimitEvery(3)))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            List<TestClient.Response> responses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                responses.add(client.get(ACCELERATORS));
            }
            assertEquals(List.of(200, 200, 429, 200, 200, 429), responses.stream().map(TestClient.Response::status).toList());
            TestClient.Response first = responses.get(2);
            assertEquals("1", first.header("Retry-After"));
            assertEquals(429, first.json().get("status").asInt());
            assertNotNull(first.json().get("code"));
            assertNotNull(first.header("ININ-Correlation-Id"));
            ZonedDateTime date = ZonedDateTime.parse(responses.get(5).header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME);
            assertTrue(date.toInstant().isAfter(Instant.now()), "HTTP-date in the future");
            assertEquals(2, sandbox.counters().faultsInjected());
            assertEquals(6, sandbox.counters().acceleratorRequests());
            assertEquals(1, sandbox.counters().tokenRequests(), "token endpoint is never faulted");
        }
    }

    @Test
    void serverErrorsRotate() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withFaults(FaultPlan.none().withServerErrorEvery(2)))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            List<TestClient.Response> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(client.get(ACCELERATORS));
            }
            assertEquals(List.of(200, 502, 200, 503, 200, 504, 200, 502),
                    responses.stream().map(TestClient.Response::status).toList());
            JsonNode body = responses.get(3).json();
            assertEquals(503, body.get("status").asInt());
            assertTrue(body.get("message").isTextual());
            assertTrue(body.get("code").isTextual());
            assertEquals(4, sandbox.counters().faultsInjected());
        }
    }

    @Test
    void revocationReallyRevokesTheToken() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withFaults(FaultPlan.none().withRevokeTokensEvery(2)))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            assertEquals(200, client.get(ACCELERATORS).status());
            TestClient.Response revoked = client.get(ACCELERATORS);
            assertEquals(401, revoked.status());
            assertEquals("bad.credentials", revoked.json().get("code").asText());
            // request 3 is not a fault, but the token is gone
            assertEquals(401, client.get(ACCELERATORS).status());
            client.login();
            assertEquals(401, client.get(ACCELERATORS).status(), "request 4 is due a fault again");
            client.login();
            assertEquals(200, client.get(ACCELERATORS).status());
            assertEquals(2, sandbox.counters().faultsInjected());
        }
    }

    @Test
    void droppedSubmitResponseStillCreatesTheJob() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.01)
                .withFaults(FaultPlan.none().withDropSubmitResponses(1)))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            assertThrows(IOException.class, () -> client.post(JOBS, SUBMIT));
            assertEquals(1, sandbox.counters().jobsCreated());
            assertEquals(1, sandbox.counters().faultsInjected());
            List<GenesysJob> jobs = sandbox.genesys().jobs();
            assertEquals(1, jobs.size());

            JsonNode history = client.get(JOBS + "?acceleratorId=" + AcceleratorCatalogue.SIMPLE_IVR_ID
                    + "&submittedBy=" + sandbox.genesys().submitterId()).json();
            assertEquals(jobs.get(0).id(), history.get("entities").get(0).get("id").asText());

            TestClient.Response second = client.post(JOBS, SUBMIT);
            assertEquals(200, second.status(), "only the first K submissions lose their response");
            assertEquals(2, sandbox.counters().submissionsFor(AcceleratorCatalogue.SIMPLE_IVR_ID));
            assertEquals(1, sandbox.counters().submissionsFor(jobs.get(0).id()));
        }
    }

    @Test
    void allFaultsTogetherAreDeterministic() throws Exception {
        List<Integer> first;
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withFaults(FaultPlan.all()))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            first = new ArrayList<>();
            for (int i = 0; i < 35; i++) {
                int status = client.get(ACCELERATORS).status();
                first.add(status);
                if (status == 401) {
                    client.login();
                }
            }
        }
        // 429 on 7,14,21,28,35; 5xx on 5,10,15,20,25,30 (35 is 429); 401 on 11,22,33
        assertEquals(429, first.get(6));
        assertEquals(502, first.get(4));
        assertEquals(503, first.get(9));
        assertEquals(401, first.get(10));
        assertEquals(429, first.get(34));
        assertEquals(35 - 5 - 6 - 3, first.stream().filter(s -> s == 200).count());
    }

    @Test
    void latencyIsAdded() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withFaults(FaultPlan.parse("latency=150")))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            long start = System.nanoTime();
            assertEquals(List.of(200, 200), statuses(client, 2));
            assertTrue(System.nanoTime() - start >= 300_000_000L);
            assertEquals(0, sandbox.counters().faultsInjected());
        }
    }

    @Test
    void sandboxEndpointsAreNeverFaulted() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withFaults(FaultPlan.none().withServerErrorEvery(1)))) {
            TestClient client = new TestClient(sandbox);
            assertEquals(200, client.get("/sandbox/counters").status());
            client.login();
            assertEquals(502, client.get(ACCELERATORS).status());
        }
    }
}
