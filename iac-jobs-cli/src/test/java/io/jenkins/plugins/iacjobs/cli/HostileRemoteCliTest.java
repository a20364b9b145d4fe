package io.jenkins.plugins.iacjobs.cli;

import static io.jenkins.plugins.iacjobs.cli.MockGenesys.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a Genesys Cloud that answers badly: what a user reads must be one clean line with the right exit code. */
class HostileRemoteCliTest {
    private static final String ID = "3f1c2a4e-0000-4000-8000-00000000abcd";
    private static final String ACCELERATOR = MockGenesys.ACCELERATOR;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        MockGenesys.shutdown(server);
    }

    /** Tokens always; {@code jobs} answers every job read (the job, its history, its download). */
    private Map<String, String> serve(Function<RecordedRequest, MockResponse> jobs) throws Exception {
        return MockGenesys.serve(server, "Simple\\r\\nIVR\\u001b[31m", "s3cret", jobs);
    }

    private static String job(String status, String message) {
        return "{\"id\":\"" + ID + "\",\"dryRun\":true,\"acceleratorId\":\"" + ACCELERATOR + "\",\"status\":\"" + status + "\""
                + ",\"dateSubmitted\":\"2026-12-04T10:00:00.000Z\""
                + (message == null ? "" : ",\"errorInfo\":{\"message\":\"" + message + "\"}") + "}";
    }

    private static void oneCleanErrorLine(CliRun r) {
        String err = r.err();
        assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), r.toString());
        assertTrue(err.startsWith("error: "), r.toString());
        String line = err.strip();
        assertFalse(line.chars().anyMatch(c -> c < 0x20 && c != '\t'), "no control character reaches the terminal: " + r);
        assertFalse(r.all().contains("\tat "), r.toString());
    }

    /** Issue 20, item 5: a poll answered with the JSON {@code null} is a malformed answer (exit 5), not a bug (70). */
    @Test
    void aPollAnsweredWithJsonNullExitsFiveNamingTheRemote() throws Exception {
        int[] reads = {0};
        Map<String, String> env = serve(r -> reads[0]++ == 0 ? json(job("Running", null)) : json("null"));
        CliRun r = CliRun.of(env, "job", "wait", ID, "--out", dir.toString(), "--poll-min", "50ms", "--timeout", "30s");
        assertEquals(ExitCodes.REMOTE_ERROR, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().contains("Genesys Cloud"), r.toString());
        assertFalse(r.all().contains("NullPointerException"), r.toString());
    }

    /** Issue 20, item 4: a failed job's message with CR, LF, ESC and BEL reaches the error line made printable. */
    @Test
    void aFailedJobsMessageReachesTheErrorLineWithoutControlCharacters() throws Exception {
        Map<String, String> env = serve(r -> json(job("Failed", "boom\\r\\nFAKE: all good\\u001b[2J\\u0007")));
        CliRun r = CliRun.of(env, "job", "wait", ID, "--out", dir.toString(), "--poll-min", "50ms", "--timeout", "30s");
        assertEquals(ExitCodes.JOB_FAILED, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().contains("boom??FAKE: all good?[2J?"), r.toString());
        CliRun status = CliRun.of(env, "job", "status", ID);
        assertFalse(status.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r'), status.toString());
    }

    /** Issue 20, item 7: a token with a newline in it is the user's input (exit 2, naming the variable), not a bug. */
    @Test
    void aTerrakubeTokenWithANewlineIsAUsageErrorNamingTheVariable() throws Exception {
        serve(r -> json("{}"));
        CliRun r = CliRun.of(Map.of("IACJOBS_TERRAKUBE_URL", server.url("/").toString(), "IACJOBS_TERRAKUBE_TOKEN", "abc\ndef",
                        "IACJOBS_TERRAKUBE_ORGANIZATION", "org"), "job", "wait", "1", "--system", "terrakube", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().startsWith("error: IACJOBS_TERRAKUBE_TOKEN: "), r.toString());
        assertFalse(r.all().contains("abc") || r.all().contains("def"), "the token is not echoed: " + r);
        assertEquals(0, server.getRequestCount(), "nothing was sent with it");
    }

    /**
     * Issue 20, item 2: after {@code --timeout} fires, collecting the job's files from a server that trickles them
     * gets a short grace, not the retries of a normal download (the run was still going at 600 s).
     */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS) // the grace is 30 s; before the fix this ran for about ten minutes
    void evidenceAfterATimeoutFromATricklingServerTakesOnlyTheGrace() throws Exception {
        Map<String, String> env = serve(r -> {
            String path = r.getPath() == null ? "" : r.getPath();
            if (path.contains("details=true")) { // the download of the job's files: one byte every 5 seconds
                return json(job("Running", null) + " ".repeat(100)).throttleBody(1, 5, TimeUnit.SECONDS);
            }
            return json(job("Running", null));
        });
        CliRun r = CliRun.of(env, "job", "wait", ID, "--out", dir.toString(), "--poll-min", "50ms", "--timeout", "2s");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        oneCleanErrorLine(r);
        assertTrue(r.err().contains("Its files could not be written") || r.err().contains("Its files so far are in"), r.toString());
    }
}
