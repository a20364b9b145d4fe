package io.jenkins.plugins.iacjobs.core.terrakube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.HeldBackException;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeFixture.Outcome;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TokenAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform outputs after an apply, and a job that waits behind another of its workspace, against the sandbox. */
class TerrakubeOutputsAndQueueTest {
    private TerrakubeFixture fx;
    private final List<String> submitLog = new ArrayList<>();

    @BeforeEach
    void start() {
        fx = new TerrakubeFixture(0.1, FaultPlan.none());
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private JobResult applyAndFinish(TerrakubeJobs jobs, Path out) throws Exception {
        SubmittedJob job = jobs.submit(new TerrakubeJobRequest("staging", "Plan and apply without approval", false, null,
                ApprovePolicy.AUTO), submitLog::add);
        Outcome o = fx.watch(jobs, fx.handleFor(job));
        assertEquals(JobState.SUCCEEDED, o.last().state(), o.statuses().toString());
        Files.createDirectories(out);
        Path streamed = out.resolve("streamed.log");
        Files.writeString(streamed, o.log());
        return new JobRunner(jobs, fx.watcher, "sandbox", Clock.systemUTC()).finish(o.handle(), o.last(), job, out, streamed);
    }

    @Test
    void anApplyReturnsItsOwnStatesOutputsWithTheSensitiveOneMaskedInOutputsJson(@TempDir Path out) throws Exception {
        TerrakubeJobs jobs = fx.jobs();
        JobResult first = applyAndFinish(jobs, out.resolve("a"));
        JobResult r = applyAndFinish(jobs, out.resolve("b")); // a later apply: each reads its own state, not the latest
        JobOutputs outputs = r.outputs();
        assertNotNull(outputs);
        assertEquals("the state written by job " + r.jobId(), outputs.source());
        assertNull(outputs.note());
        Map<String, Object> values = outputs.values(false);
        assertEquals("vpc-staging-" + r.jobId(), values.get("vpc_id"));
        assertEquals(List.of("subnet-a-" + r.jobId(), "subnet-b-" + r.jobId()), values.get("subnet_ids"));
        assertEquals(2, values.get("instance_count"));
        assertFalse(values.containsKey("db_password"), "a sensitive output is left out unless asked for");
        assertEquals(TerrakubeSandbox.SECRET_OUTPUT_PREFIX + r.jobId(), outputs.values(true).get("db_password"));
        assertEquals(List.of("db_password"), outputs.sensitiveNames());
        assertEquals("vpc-staging-" + first.jobId(), first.outputs().values(false).get("vpc_id"));

        String dir = "iac-jobs/" + r.jobId() + "/";
        assertTrue(r.artifacts().contains(dir + "outputs.json"), r.artifacts().toString());
        String json = Files.readString(out.resolve("b").resolve(dir + "outputs.json"));
        assertTrue(json.contains("\"vpc_id\"") && json.contains("vpc-staging-" + r.jobId()), json);
        assertTrue(json.contains("\"value\" : \"****\""), json);
        for (Path p : (Iterable<Path>) Files.walk(out)::iterator) {
            if (Files.isRegularFile(p)) {
                assertFalse(Files.readString(p).contains(TerrakubeSandbox.SECRET_OUTPUT_PREFIX), "the secret is in " + p);
            }
        }
    }

    @Test
    void aTokenThatMayNotReadStateFallsBackToTheWorkspacesCurrentOutputsAndSaysSo(@TempDir Path out) throws Exception {
        JobResult applied = applyAndFinish(fx.jobs(), out.resolve("a"));
        TerrakubeSandbox tk = fx.sandbox.terrakube();
        TerrakubeJobs viewer = fx.jobs(tk.issueToken(TokenAccess.VIEW));
        JobOutputs o = viewer.outputs(applied.jobId(), null);
        assertEquals("the workspace's current state", o.source());
        assertTrue(o.note().contains("its team lacks manageState"), o.note());
        assertTrue(o.note().contains("a later run may have changed"), o.note());
        assertEquals("vpc-staging-" + applied.jobId(), o.values(false).get("vpc_id"));
    }

    @Test
    void aPlanOnlyJobHasNoOutputsJson(@TempDir Path out) throws Exception {
        TerrakubeJobs jobs = fx.jobs();
        SubmittedJob job = jobs.submit(new TerrakubeJobRequest("staging", null, true, null, ApprovePolicy.AUTO), submitLog::add);
        Outcome o = fx.watch(jobs, fx.handleFor(job));
        JobResult r = new JobRunner(jobs, fx.watcher, "sandbox", Clock.systemUTC()).finish(o.handle(), o.last(), job, out, null);
        assertNull(r.outputs());
        assertFalse(r.artifacts().stream().anyMatch(a -> a.endsWith("outputs.json")), r.artifacts().toString());
    }

    @Test
    void aJobBehindAnotherSaysWhichAndItsStatusOnceAndAgainWhenItChanges() throws Exception {
        TerrakubeJobs jobs = fx.jobs();
        // the first waits for a person; the second is created behind it
        SubmittedJob first = jobs.submit(new TerrakubeJobRequest("staging", "Plan and apply", false, null, ApprovePolicy.WAIT),
                submitLog::add);
        List<String> firstStatuses = new CopyOnWriteArrayList<>();
        Thread approver = new Thread(() -> {
            try {
                fx.watch(jobs.withApprovePolicy(ApprovePolicy.WAIT), fx.handleFor(first), s -> {
                    firstStatuses.add(s.status());
                });
            } catch (Exception ignored) {
                // the test fails on the second job's log instead
            }
        });
        approver.setDaemon(true);
        approver.start();
        waitFor(() -> firstStatuses.contains("waitingApproval"));

        SubmittedJob second = jobs.submit(new TerrakubeJobRequest("staging", "Plan", true, null, ApprovePolicy.AUTO), submitLog::add);
        List<String> secondLog = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            try {
                Outcome o = fx.watch(jobs, fx.handleFor(second));
                secondLog.add("END " + o.last().status() + "\n" + o.log());
            } catch (Exception e) {
                secondLog.add("ERROR " + e);
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        Thread.sleep(1500); // polls go on while it waits: the line must still come once
        jobs.approve(first.jobId());
        watcher.join(60_000);
        approver.join(60_000);

        String log = String.join("", secondLog);
        assertTrue(log.startsWith("END completed"), log);
        String waits = "[iacjobs] Job " + second.jobId() + " waits behind job " + first.jobId() + " (waitingApproval) of the same workspace";
        assertEquals(1, count(log, waits), log);
        assertTrue(log.contains("Terrakube runs one job of a workspace at a time"), log);
        // after the approval the first job moves on: each new status of it is said once, in a short line
        assertTrue(log.contains("[iacjobs] Job " + second.jobId() + " still waits behind job " + first.jobId() + ", now "), log);
        List<String> lines = log.lines().filter(l -> l.contains("waits behind")).toList();
        assertEquals(lines.size(), lines.stream().distinct().count() + repeatsAllowed(lines), log);
    }

    @Test
    void queueFailCreatesNoJobBehindAnActiveOneAndNamesIt() throws Exception {
        TerrakubeJobs jobs = fx.jobs();
        SubmittedJob first = jobs.submit(new TerrakubeJobRequest("staging", "Plan and apply", false, null, ApprovePolicy.WAIT),
                submitLog::add);
        long created = fx.sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED);
        HeldBackException e = assertThrows(HeldBackException.class, () -> jobs.submit(
                new TerrakubeJobRequest("staging", "Plan", true, null, ApprovePolicy.AUTO).withQueue(QueuePolicy.FAIL), submitLog::add));
        assertEquals("queue", e.field());
        assertTrue(e.getMessage().startsWith("queue: 'fail', and workspace 'staging' already runs job " + first.jobId() + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("no job was created"), e.getMessage());
        assertEquals(created, fx.sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
        // another workspace is free
        assertNotNull(jobs.submit(new TerrakubeJobRequest("sandbox-workspace", "Plan", true, null, ApprovePolicy.AUTO)
                .withQueue(QueuePolicy.FAIL), submitLog::add).jobId());
        assertThrows(ValidationException.class, () -> QueuePolicy.parse("later"));
        assertEquals(QueuePolicy.WAIT, QueuePolicy.parse(null));
    }

    /**
     * A status may come back (Terrakube goes back to pending between steps): only consecutive lines must differ.
     */
    private static long repeatsAllowed(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            assertFalse(lines.get(i).equals(lines.get(i - 1)), "said twice in a row: " + lines.get(i));
        }
        return lines.size() - lines.stream().distinct().count();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "the condition never held");
    }
}
