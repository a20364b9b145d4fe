package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 7d: the CLI is stopped (SIGTERM) while its submission is on its way, and the answer comes after the
 * 10 s it waits for one: the job is made, and no run named it. The submissions ledger keeps the submission as
 * pending, and the next run with the same inputs looks it up and names it, before it submits its own.
 */
class PendingSubmissionCliTest {
    private static final String LOST = "3f1c2a4e-0000-4000-8000-00000000aaaa";
    private static final String NEXT = "3f1c2a4e-0000-4000-8000-00000000bbbb";
    private static final String ACCELERATOR = MockGenesys.ACCELERATOR;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger historyReads = new AtomicInteger();
    /** When the first submission arrived: the job it made shows in the history from then on. */
    private final AtomicReference<Instant> made = new AtomicReference<>();

    @AfterEach
    void stop() {
        MockGenesys.shutdown(server);
    }

    private static String job(String id, Instant at) {
        return "{\"id\":\"" + id + "\",\"dryRun\":true,\"acceleratorId\":\"" + ACCELERATOR + "\",\"status\":\"Running\""
                + ",\"dateSubmitted\":\"" + at + "\",\"submittedBy\":{\"id\":\"u-1\"}}";
    }

    private Map<String, String> serve() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String kind = MockGenesys.kind(r);
                return switch (kind) {
                    case "token" -> MockGenesys.token();
                    case "accelerator" -> MockGenesys.accelerator("Simple IVR");
                    case "submit" -> {
                        if (submits.incrementAndGet() == 1) { // made at once, answered after the stop's 10 s
                            made.set(Instant.now());
                            yield MockGenesys.json(job(LOST, made.get())).setHeadersDelay(25, TimeUnit.SECONDS);
                        }
                        yield MockGenesys.json(job(NEXT, Instant.now()));
                    }
                    case "history" -> {
                        historyReads.incrementAndGet();
                        Instant at = made.get();
                        yield MockGenesys.json("{\"entities\":[" + (at == null ? "" : job(LOST, at)) + "],\"pageCount\":1}");
                    }
                    case "job" -> MockGenesys.json(job(r.getPath().contains(LOST) ? LOST : NEXT, Instant.now()));
                    default -> new MockResponse().setResponseCode(404);
                };
            }
        });
        return MockGenesys.start(server, DeadlineCliTest.SECRET);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theNextRunNamesTheJobAStoppedSubmissionMade() throws Exception {
        Map<String, String> env = serve();
        String out = dir.resolve("out").toString();
        CliProcess first = CliProcess.start(env, List.of(), "job", "run", "--accelerator", ACCELERATOR, "--plan-only",
                "--out", out, "--submit-only");
        first.awaitLine(line -> line.contains("Submitting a plan-only"));
        while (submits.get() == 0) {
            Thread.sleep(20);
        }
        first.terminate();
        assertEquals(143, first.exit(), first.output());
        assertFalse(first.output().contains(LOST), "the stopped run never learnt the id: " + first.output());
        String ledger = Files.readString(dir.resolve("out/iac-jobs/.submissions"));
        assertFalse(ledger.contains("jobId"), "the ledger holds the submission as pending: " + ledger);

        CliRun next = CliRun.of(env, "job", "run", "--accelerator", ACCELERATOR, "--plan-only", "--out", out, "--submit-only");
        assertEquals(ExitCodes.SUCCESS, next.exit(), next.toString());
        assertTrue(next.out().contains("job " + LOST), "the job the stopped run made is named: " + next);
        assertTrue(next.out().contains("job wait " + LOST), "with the command that picks it up: " + next);
        assertTrue(historyReads.get() >= 1, "it was looked up in the job history");
        assertFalse(next.all().contains(DeadlineCliTest.SECRET), next.toString());

        CliRun third = CliRun.of(env, "job", "run", "--accelerator", ACCELERATOR, "--plan-only", "--out", out, "--submit-only");
        assertEquals(ExitCodes.SUCCESS, third.exit(), third.toString());
        assertFalse(third.out().contains("while submitting"), "a resolved submission is not pending any more: " + third);
    }
}
