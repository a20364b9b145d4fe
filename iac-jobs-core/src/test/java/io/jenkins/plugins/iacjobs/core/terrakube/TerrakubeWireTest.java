package io.jenkins.plugins.iacjobs.core.terrakube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-off wire details against a scripted server: what the sandbox does not vary. */
class TerrakubeWireTest {
    private static final String ORG = "d9b58bd3-0000-4000-8000-000000000001";
    private static final String STEP = "0b7c0000-0000-4000-8000-000000000002";
    private static final String JSONAPI = "application/vnd.api+json";

    private MockWebServer server;
    private TerrakubeJobs jobs;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        TerrakubeServer c = TerrakubeServer.of(server.url("/api/v1").toString(), ORG).withApi(ApiGeneration.CURRENT);
        jobs = TerrakubeJobs.create(HttpClients.create(HttpSettings.defaults()), Json.newMapper(), c,
                TokenSource.fixed("secret-token-value"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static MockResponse jobDoc(String status, String stepStatus, String output) {
        String out = output == null ? "null" : "\"" + output + "\"";
        return new MockResponse().setHeader("Content-Type", JSONAPI).setBody("{\"data\":{\"type\":\"job\",\"id\":\"42\","
                + "\"attributes\":{\"status\":\"" + status + "\",\"createdDate\":\"2026-11-23T09:19Z\"},"
                + "\"relationships\":{\"workspace\":{\"data\":{\"type\":\"workspace\",\"id\":\"ws1\"}}}},"
                + "\"included\":[{\"type\":\"step\",\"id\":\"" + STEP + "\",\"attributes\":{\"stepNumber\":100,"
                + "\"name\":\"Plan\",\"status\":\"" + stepStatus + "\",\"output\":" + out + "}}]}");
    }

    private static MockResponse bytes(int code, byte[] body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/octet-stream")
                .setBody(new Buffer().write(body));
    }

    private JobSnapshot poll(WatchHandle h, StringBuilder sink) {
        return jobs.probe().poll(h, sink::append);
    }

    @Test
    void logsAreReadIncrementallyAcrossPollsSkippingWhatWasWrittenAndNeverSplittingACharacter() throws Exception {
        byte[] full = "Plan: naïve → ✓ done\n".getBytes(StandardCharsets.UTF_8);
        int cutInsideArrow = "Plan: naïve ".getBytes(StandardCharsets.UTF_8).length + 1;
        // The server writes its configured API URL, here another host: the client reads it from our server only.
        String output = "http://terrakube-api.internal:8080/tfoutput/v1/organization/" + ORG + "/job/42/step/" + STEP;
        server.enqueue(jobDoc("running", "running", output));
        server.enqueue(bytes(200, Arrays.copyOf(full, cutInsideArrow)));
        server.enqueue(jobDoc("pending", "completed", output));
        server.enqueue(bytes(200, full)); // Range ignored: the whole log again
        server.enqueue(jobDoc("completed", "completed", output));

        StringBuilder sink = new StringBuilder();
        WatchHandle h = WatchHandle.start("terrakube", "c", "42", Instant.now());
        JobSnapshot s1 = poll(h, sink);
        assertEquals(JobState.RUNNING, s1.state());
        assertEquals("\n--- Step 100 'Plan' ---\nPlan: naïve ", sink.toString(), "the half arrow waits for its other bytes");
        h = h.withProgress(s1.status(), s1.logCursor());

        JobSnapshot s2 = poll(h, sink);
        assertEquals(JobState.RUNNING, s2.state(), "pending after a step has run is between steps, not 'not started'");
        assertEquals(STEP + ":" + full.length + "!", s2.logCursor().replace("policy:wait;", ""));
        h = h.withProgress(s2.status(), s2.logCursor());

        JobSnapshot s3 = poll(h, sink);
        assertEquals(JobState.SUCCEEDED, s3.state());
        assertEquals("\n--- Step 100 'Plan' ---\n" + new String(full, StandardCharsets.UTF_8), sink.toString());

        server.takeRequest();
        RecordedRequest firstLog = server.takeRequest();
        assertEquals("/tfoutput/v1/organization/" + ORG + "/job/42/step/" + STEP, firstLog.getPath());
        assertEquals("Bearer secret-token-value", firstLog.getHeader("Authorization"));
        assertNull(firstLog.getHeader("Range"));
        server.takeRequest();
        assertEquals("bytes=" + (cutInsideArrow - 1) + "-", server.takeRequest().getHeader("Range"));
        assertEquals(5, server.getRequestCount(), "a closed step's log is not fetched again");
    }

    @Test
    void aServerThatHonoursRangeSendsOnlyTheRest() {
        String output = "/tfoutput/v1/organization/" + ORG + "/job/42/step/" + STEP;
        server.enqueue(jobDoc("running", "completed", output));
        server.enqueue(new MockResponse().setResponseCode(206).setHeader("Content-Range", "bytes 6-11/12")
                .setBody("world\n"));
        StringBuilder sink = new StringBuilder();
        WatchHandle h = WatchHandle.start("terrakube", "c", "42", Instant.now()).withProgress("running", STEP + ":6");
        JobSnapshot s = poll(h, sink);
        assertEquals("world\n", sink.toString());
        assertTrue(s.logCursor().contains(STEP + ":12!"), s.logCursor());
    }

    @Test
    void anApprovalWhoseAnswerIsLostIsSentAgainOnlyWhileTheJobStillWaits() throws Exception {
        server.enqueue(jobDoc("waitingApproval", "waitingApproval", null));
        server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"errors\":[{\"detail\":\"unavailable\"}]}"));
        server.enqueue(jobDoc("waitingApproval", "waitingApproval", null)); // still waiting: the PATCH never arrived
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(jobDoc("waitingApproval", "waitingApproval", null)); // confirmed: never sent a third time
        StringBuilder sink = new StringBuilder();
        WatchHandle h = WatchHandle.start("terrakube", "c", "42", Instant.now());
        TerrakubeJobs auto = jobs.withApprovePolicy(ApprovePolicy.AUTO);

        JobSnapshot s1 = auto.probe().poll(h, sink::append);
        assertEquals(JobState.WAITING_APPROVAL, s1.state());
        assertTrue(sink.toString().contains("checks whether it arrived"), sink.toString());
        JobSnapshot s2 = auto.probe().poll(h.withProgress(s1.status(), s1.logCursor()), sink::append);
        assertTrue(sink.toString().contains("Approved job 42"), sink.toString());
        JobSnapshot s3 = auto.probe().poll(h.withProgress(s2.status(), s2.logCursor()), sink::append);
        assertEquals(JobState.WAITING_APPROVAL, s3.state());

        List<String> methods = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            methods.add(server.takeRequest(1, TimeUnit.SECONDS).getMethod());
        }
        assertEquals(List.of("GET", "PATCH", "GET", "PATCH", "GET"), methods);
        assertEquals(null, server.takeRequest(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void approvalIsPatchedAsJsonApiWithoutParameters() throws Exception {
        server.enqueue(jobDoc("waitingApproval", "waitingApproval", null));
        server.enqueue(new MockResponse().setResponseCode(204));
        jobs.approve("42");
        server.takeRequest();
        RecordedRequest patch = server.takeRequest();
        assertEquals("PATCH", patch.getMethod());
        assertEquals(JSONAPI, patch.getHeader("Content-Type"));
        assertEquals("{\"data\":{\"type\":\"job\",\"id\":\"42\",\"attributes\":{\"status\":\"approved\"}}}",
                patch.getBody().readUtf8());
    }

    @Test
    void deleteSendsNoBodyAndRemovesTheStepsFirst() throws Exception {
        server.enqueue(jobDoc("completed", "completed", null));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setResponseCode(204));
        jobs.delete("42");
        server.takeRequest();
        RecordedRequest step = server.takeRequest();
        RecordedRequest job = server.takeRequest();
        assertEquals("DELETE /api/v1/organization/" + ORG + "/job/42/step/" + STEP, step.getMethod() + " " + step.getPath());
        assertEquals("DELETE /api/v1/organization/" + ORG + "/job/42", job.getMethod() + " " + job.getPath());
        for (RecordedRequest r : List.of(step, job)) {
            assertNull(r.getHeader("Content-Type"));
            assertEquals(0, r.getBodySize());
        }
    }

    @Test
    void errorsCarryTheDetailAndA500IsReportedAsATokenProblem() {
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", JSONAPI)
                .setBody("{\"errors\":[{\"detail\":\"CreatePermission Denied\"}]}"));
        RemoteApiException denied = assertThrows(RemoteApiException.class, () -> jobs.workspaces());
        assertTrue(denied.getMessage().contains("HTTP 403: CreatePermission Denied"), denied.getMessage());

        server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
                .setBody("{\"timestamp\":\"2026-11-23T09:19:00Z\",\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/api/v1/x\"}"));
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> jobs.workspaces());
        assertTrue(e.getMessage().contains("Internal Server Error. Terrakube answers 500 when it cannot verify the token"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("secret-token-value"));
    }
}
