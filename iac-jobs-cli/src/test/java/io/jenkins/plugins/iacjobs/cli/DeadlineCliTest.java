package io.jenkins.plugins.iacjobs.cli;

import static io.jenkins.plugins.iacjobs.cli.MockGenesys.json;
import static io.jenkins.plugins.iacjobs.cli.MockGenesys.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20, item 2: {@code --timeout} is the whole run's deadline, whatever the remote does. Each test runs the CLI
 * with real arguments against a Genesys Cloud played by a {@link MockWebServer} that stalls one kind of call, and
 * expects the run to end with exit 4 and one clean {@code error:} line. The JUnit timeouts are coarse: the runs they
 * catch went on for many minutes.
 */
class DeadlineCliTest {
    static final String ID = "3f1c2a4e-0000-4000-8000-00000000abcd";
    private static final String ACCELERATOR = MockGenesys.ACCELERATOR;
    static final String SECRET = "s3cret-value";

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        MockGenesys.shutdown(server);
    }

    /** Requests seen, by kind: token, accelerator, submit, history, job. */
    int count(String kind) {
        return counts.getOrDefault(kind, new AtomicInteger()).get();
    }

    /** {@code answer} may answer any kind of request; where it gives null, a well-behaved Genesys Cloud answers. */
    Map<String, String> serve(Function<RecordedRequest, MockResponse> answer) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String kind = kind(r);
                counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                MockResponse special = answer.apply(r);
                if (special != null) {
                    return special;
                }
                return switch (kind) {
                    case "token" -> MockGenesys.token();
                    case "accelerator" -> MockGenesys.accelerator("Simple IVR");
                    case "submit", "job" -> json(job("Running"));
                    case "history" -> json("{\"entities\":[],\"pageCount\":1}");
                    default -> new MockResponse().setResponseCode(404);
                };
            }
        });
        return MockGenesys.start(server, SECRET);
    }

    static String job(String status) {
        return "{\"id\":\"" + ID + "\",\"dryRun\":true,\"acceleratorId\":\"" + ACCELERATOR + "\",\"status\":\"" + status + "\""
                + ",\"dateSubmitted\":\"2026-12-04T10:00:00.000Z\",\"submittedBy\":{\"id\":\"u-1\"}}";
    }

    CliRun run(Map<String, String> env, String timeout) {
        return CliRun.of(env, "job", "run", "--accelerator", ACCELERATOR, "--plan-only", "--out", dir.toString(),
                "--poll-min", "50ms", "--timeout", timeout);
    }

    static void oneCleanErrorLine(CliRun r) {
        String err = r.err();
        assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), r.toString());
        assertTrue(err.startsWith("error: "), r.toString());
        assertFalse(r.all().contains("\tat "), r.toString());
        assertFalse(r.all().contains(SECRET), "the secret never shows: " + r);
    }

    /**
     * Issue 20, item 2a: a token endpoint that trickles its answer (one byte every 5 s) held a run with
     * {@code --timeout 15s} for 600 s and more, five token POSTs, without a word. The token call now honours the run's
     * deadline: one POST, and one line saying the timeout passed while getting a token from that host.
     */
    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS) // the deadline is 15 s; before the fix the run went on for over ten minutes
    void aTricklingTokenEndpointEndsTheRunAtItsDeadline() throws Exception {
        Map<String, String> env = serve(r -> "token".equals(kind(r))
                ? json("{\"access_token\":\"t0k3n\",\"token_type\":\"bearer\",\"expires_in\":3600}" + " ".repeat(200))
                        .throttleBody(1, 5, TimeUnit.SECONDS)
                : null);
        CliRun r = run(env, "15s");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().contains("token"), r.toString());
        assertTrue(r.err().contains(server.getHostName()), "names the token host: " + r);
        assertEquals(1, count("token"), "one token POST: " + r);
        assertEquals(0, count("submit"), r.toString());
    }

    /**
     * Issue 20, item 2b: polls answered 429 or 503 with {@code Retry-After: 300} must not carry the run past
     * {@code --timeout 15s}; nor the files fetched after it.
     */
    @ParameterizedTest(name = "polls answered {0} with Retry-After: 300")
    @ValueSource(ints = {429, 503})
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void aRetryAfterOnPollsDoesNotOutliveTheDeadline(int status) throws Exception {
        Map<String, String> env = serve(r -> "job".equals(kind(r)) || "history".equals(kind(r))
                ? new MockResponse().setResponseCode(status).setHeader("Retry-After", "300") : null);
        CliRun r = run(env, "15s");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().contains(ID), "names the job: " + r);
        assertEquals(1, count("submit"), r.toString());
    }

    /** Issue 20, item 2b, the submission: a 429 with {@code Retry-After: 300} to the POST ends the run at once, sent once. */
    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void aRetryAfterOnTheSubmissionDoesNotOutliveTheDeadline() throws Exception {
        Map<String, String> env = serve(r -> "submit".equals(kind(r))
                ? new MockResponse().setResponseCode(429).setHeader("Retry-After", "300") : null);
        CliRun r = run(env, "15s");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().contains("Retry-After"), r.toString());
        assertEquals(1, count("submit"), r.toString());
    }

    /**
     * Issue 20, items 2b and 7f: a submission answered 503 (its outcome unknown) whose job history then answers 503
     * with {@code Retry-After: 300}: the lookup gets the grace after the deadline, not hours, and the line does not
     * claim that nothing was created, which nobody knows.
     */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aLostSubmissionWhoseHistoryAnswers503EndsAfterTheGraceWithoutClaimingNothingWasMade() throws Exception {
        Map<String, String> env = serve(r -> "submit".equals(kind(r)) || "history".equals(kind(r))
                ? new MockResponse().setResponseCode(503).setHeader("Retry-After", "300") : null);
        CliRun r = run(env, "15s");
        oneCleanErrorLine(r);
        assertFalse(r.err().contains("nothing was created"), r.toString());
        assertTrue(r.err().contains("unknown") || r.err().contains("may have been made"), r.toString());
        assertEquals(1, count("submit"), "never sent twice: " + r);
    }

    /**
     * Issue 20, item 7c: a job read answered with a 300 KB header (more than the 256 KB OkHttp reads) is an answer
     * that cannot be read, whenever it is asked again: it ended the run 11 s after {@code --timeout 30s}, after
     * retries. One read, one clean line naming the headers, exit 5.
     */
    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void aHugeResponseHeaderIsAMalformedAnswerNotRetried() throws Exception {
        Map<String, String> env = serve(r -> "job".equals(kind(r))
                ? json(job("Running")).addHeader("X-Padding", "a".repeat(300 * 1024)) : null);
        CliRun r = run(env, "30s");
        assertEquals(ExitCodes.REMOTE_ERROR, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().contains("header"), r.toString());
        assertTrue(count("job") <= 2, "the job was read " + count("job") + " times: " + r);
    }

    /**
     * Issue 20, item 7f: a submission whose answer comes after the deadline (the server made the job, slowly): the
     * history, read at once, shows no job yet, and the resend is not made because the timeout passed. The line said
     * "it was not done, so nothing was created" of the resend, while the first send's outcome was unknown.
     */
    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void aSubmissionAnsweredAfterTheDeadlineIsNotSaidToHaveMadeNothing() throws Exception {
        Map<String, String> env = serve(r -> "submit".equals(kind(r))
                ? json(job("Queued")).setHeadersDelay(20, TimeUnit.SECONDS) : null);
        CliRun r = run(env, "5s");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertFalse(r.err().contains("nothing was created"), r.toString());
        assertTrue(r.err().contains("may still appear"), r.toString());
        assertEquals(1, count("submit"), "sent once: " + r);
    }
}
