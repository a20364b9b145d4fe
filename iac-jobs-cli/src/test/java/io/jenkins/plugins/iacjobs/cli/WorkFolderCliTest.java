package io.jenkins.plugins.iacjobs.cli;

import static io.jenkins.plugins.iacjobs.cli.MockGenesys.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 3: the job's files are fetched through {@code iac-jobs/.work} under {@code --out}, which must be gone
 * however the run ends: a job that failed, a job whose details were unreadable, a timeout. (A stop by SIGTERM is in
 * {@link BigResultCliTest}; a success in both.)
 */
class WorkFolderCliTest {
    private static final String ID = "3f1c2a4e-0000-4000-8000-00000000abcd";
    private static final String ACCELERATOR = MockGenesys.ACCELERATOR;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        MockGenesys.shutdown(server);
    }

    /** A failed job whose details are not a job: exit 5 with one line, and nothing of the download stays. */
    @Test
    void aFailedJobWithUnreadableDetailsLeavesNoWorkFolder() throws Exception {
        Map<String, String> env = serve(r -> details(r) ? json("[\"not\", \"a job\"]") : json(job("Failed")));
        CliRun r = CliRun.of(env, "job", "wait", ID, "--out", dir.toString(), "--poll-min", "50ms", "--timeout", "30s");
        assertEquals(ExitCodes.REMOTE_ERROR, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: "), r.toString());
        assertFalse(r.all().contains("\tat "), r.toString());
        BigResultCliTest.assertNoWorkFolder(dir);
    }

    /** A job that failed with results: exit 1, and the results were fetched through .work, which is gone. */
    @Test
    void aFailedJobWithResultsLeavesNoWorkFolder() throws Exception {
        Map<String, String> env = serve(r -> json(details(r) ? job("Failed").replace("}", ",\"results\":\"boom\\n\"}")
                : job("Failed")));
        CliRun r = CliRun.of(env, "job", "wait", ID, "--out", dir.toString(), "--poll-min", "50ms", "--timeout", "30s");
        assertEquals(ExitCodes.JOB_FAILED, r.exit(), r.toString());
        assertTrue(Files.exists(dir.resolve("iac-jobs").resolve(ID).resolve("plan.txt")), r.toString());
        BigResultCliTest.assertNoWorkFolder(dir);
    }

    /** A timeout whose "job as it stands" cannot be read: exit 4, its files could not be written, and no .work. */
    @Test
    void aTimeoutWhoseJobCannotBeSavedLeavesNoWorkFolder() throws Exception {
        Map<String, String> env = serve(r -> details(r) ? json("\"not a job\"") : json(job("Running")));
        CliRun r = CliRun.of(env, "job", "wait", ID, "--out", dir.toString(), "--poll-min", "50ms", "--timeout", "1s");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        assertTrue(r.err().contains("Its files could not be written"), r.toString());
        BigResultCliTest.assertNoWorkFolder(dir);
    }

    /** A timeout with the job's files saved: exit 4, files in their folder, and no .work. */
    @Test
    void aTimeoutWithTheJobSavedLeavesNoWorkFolder() throws Exception {
        Map<String, String> env = serve(r -> json(job("Running")));
        CliRun r = CliRun.of(env, "job", "wait", ID, "--out", dir.toString(), "--poll-min", "50ms", "--timeout", "1s");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        assertTrue(r.err().contains("Its files so far are in"), r.toString());
        BigResultCliTest.assertNoWorkFolder(dir);
    }

    private static boolean details(RecordedRequest r) {
        return r.getPath() != null && r.getPath().contains("details=true");
    }

    private Map<String, String> serve(Function<RecordedRequest, MockResponse> jobs) throws Exception {
        return MockGenesys.serve(server, "Simple IVR", "s3cret", jobs);
    }

    private static String job(String status) {
        return "{\"id\":\"" + ID + "\",\"dryRun\":true,\"acceleratorId\":\"" + ACCELERATOR + "\",\"status\":\"" + status + "\""
                + ",\"dateSubmitted\":\"2026-12-04T10:00:00.000Z\"}";
    }
}
