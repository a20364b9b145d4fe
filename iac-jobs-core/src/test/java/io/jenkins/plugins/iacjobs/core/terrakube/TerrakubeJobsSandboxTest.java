package io.jenkins.plugins.iacjobs.core.terrakube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeFixture.Outcome;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terrakube jobs end to end over loopback against the sandbox stand-in. */
class TerrakubeJobsSandboxTest {
    private TerrakubeFixture fx;
    private TerrakubeJobs jobs;
    private final List<String> submitLog = new ArrayList<>();

    @BeforeEach
    void start() {
        fx = new TerrakubeFixture(0.1, FaultPlan.none());
        jobs = fx.jobs();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private SubmittedJob submit(String workspace, String template, boolean planOnly, String branch, ApprovePolicy approve) {
        return jobs.submit(new TerrakubeJobRequest(workspace, template, planOnly, branch, approve), submitLog::add);
    }

    private long counter(String name) {
        return fx.sandbox.counters().get(name);
    }

    @Test
    void planOnlyPicksThePlanTemplateStreamsTheLogExactlyAndWritesTheArtifacts(@TempDir Path out) throws Exception {
        SubmittedJob job = submit("sandbox-workspace", null, true, null, ApprovePolicy.AUTO);
        assertEquals("Plan", job.targetName());
        assertTrue(job.planOnly());

        Outcome o = fx.watch(jobs, fx.handleFor(job));

        assertEquals(JobState.SUCCEEDED, o.last().state());
        assertEquals("completed", o.last().status());
        assertTrue(o.statuses().contains("running"), o.statuses().toString());
        assertEquals(fx.expectedLog(job.jobId()), TerrakubeFixture.remoteBytesOnly(o.log()));
        assertTrue(o.log().contains("--- Step 100 'Plan' ---"));

        Path streamed = out.resolve("streamed.log");
        Files.writeString(streamed, o.log());
        JobRunner runner = new JobRunner(jobs, fx.watcher, "sandbox", Clock.systemUTC());
        JobResult r = runner.finish(o.handle(), o.last(), job, out, streamed);
        assertTrue(r.success());
        String dir = "iac-jobs/" + job.jobId() + "/";
        assertEquals(List.of(dir + "job.json", dir + "plan.json", dir + "plan.txt", dir + "log.txt", dir + "summary.md"), r.artifacts());
        String plan = Files.readString(out.resolve(dir + "plan.json"));
        assertTrue(plan.contains("\"add\" : 40") && plan.contains("\"address\" : \"null_resource.sandbox[39]\""), plan);
        assertTrue(Files.readString(out.resolve(dir + "plan.txt")).startsWith("Plan: 40 to add, 0 to change, 0 to destroy.\n"));
        assertFalse(Files.readString(out.resolve(dir + "log.txt")).contains("\u001b"), "log.txt has no terminal codes");
        String jobJson = Files.readString(out.resolve(dir + "job.json"));
        assertTrue(jobJson.contains("\"type\" : \"job\""), "the job document, indented as Genesys' is: " + jobJson);
    }

    @Test
    void createsFromATemplateByNameWithBranchAndVia() throws Exception {
        SubmittedJob job = submit("staging", "plan and apply without approval", false, "feature/x", ApprovePolicy.WAIT);
        TerrakubeJob created = jobs.job(job.jobId());
        assertEquals("feature/x", created.overrideBranch());
        assertEquals("CLI", created.via());

        Outcome o = fx.watch(jobs, fx.handleFor(job));

        assertEquals(JobState.SUCCEEDED, o.last().state());
        assertEquals(List.of("completed", "completed"), fx.sandbox.terrakube().stepStatuses(job.jobId()));
        assertEquals(fx.expectedLog(job.jobId()), TerrakubeFixture.remoteBytesOnly(o.log()));
    }

    @Test
    void approveAutoApprovesExactlyOnceAndTheJobCompletes() throws Exception {
        SubmittedJob job = submit("sandbox-workspace", "Plan and apply", false, null, ApprovePolicy.AUTO);

        Outcome o = fx.watch(jobs, fx.handleFor(job));

        assertEquals(JobState.SUCCEEDED, o.last().state());
        assertTrue(o.statuses().contains("waitingApproval"), o.statuses().toString());
        assertEquals(1, counter(TerrakubeSandbox.APPROVALS));
        assertEquals(0, counter(TerrakubeSandbox.DUPLICATE_APPROVALS));
        assertTrue(o.log().contains("[iacjobs] Approved job " + job.jobId()));
        assertTrue(o.handle().logCursor().contains("approved:"), o.handle().logCursor());
        assertEquals(fx.expectedLog(job.jobId()), TerrakubeFixture.remoteBytesOnly(o.log()));
    }

    @Test
    void approveNeverStopsAtWaitingApprovalThenARejectionFailsTheJob() throws Exception {
        SubmittedJob job = submit("sandbox-workspace", "Plan and apply", false, null, ApprovePolicy.NEVER);

        Outcome paused = fx.watch(jobs, fx.handleFor(job));

        assertEquals(JobState.PAUSED, paused.last().state());
        assertEquals("waitingApproval", paused.last().status());
        assertTrue(paused.last().message().contains("team " + TerrakubeSandbox.APPROVAL_TEAM), paused.last().message());
        assertEquals(0, counter(TerrakubeSandbox.APPROVALS));

        jobs.reject(job.jobId());
        Outcome rejected = fx.watch(fx.jobs(), paused.handle());

        assertEquals(JobState.FAILED, rejected.last().state());
        assertEquals("rejected", rejected.last().status());
        assertTrue(rejected.last().message().contains("rejected"), rejected.last().message());
        assertEquals(1, counter(TerrakubeSandbox.REJECTIONS));
        assertEquals("", TerrakubeFixture.remoteBytesOnly(rejected.log()), "nothing is streamed twice after the resume");
    }

    @Test
    void approveWaitKeepsWatchingUntilSomeoneApproves() throws Exception {
        SubmittedJob job = submit("sandbox-workspace", "Plan and apply", false, null, ApprovePolicy.WAIT);
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        CompletableFuture<TerrakubeFixture.Outcome> watching = CompletableFuture.supplyAsync(() -> {
            try {
                return fx.watch(jobs, fx.handleFor(job), s -> {
                    if (s.state() == JobState.WAITING_APPROVAL) {
                        waiting.complete(null);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.get(60, TimeUnit.SECONDS);
        assertEquals(0, counter(TerrakubeSandbox.APPROVALS));
        jobs.approve(job.jobId());

        Outcome o = watching.get(90, TimeUnit.SECONDS);
        assertEquals(JobState.SUCCEEDED, o.last().state());
        assertEquals(1, counter(TerrakubeSandbox.APPROVALS));
    }

    @Test
    void cancelReachesTheSandboxAndEndsTheWatchCancelled() throws Exception {
        SubmittedJob job = submit("sandbox-workspace", "Plan and apply", false, null, ApprovePolicy.WAIT);
        CompletableFuture<CancelOutcome> cancelled = new CompletableFuture<>();
        Outcome o = fx.watch(jobs, fx.handleFor(job), s -> {
            if (s.state() == JobState.WAITING_APPROVAL && !cancelled.isDone()) {
                cancelled.complete(jobs.cancel(job.jobId()));
            }
        });

        assertTrue(cancelled.get().cancelled(), cancelled.get().message());
        assertEquals(JobState.CANCELLED, o.last().state());
        assertEquals(1, counter(TerrakubeSandbox.CANCELS));
        assertEquals("cancelled", fx.sandbox.terrakube().jobStatus(job.jobId()).orElseThrow());

        CancelOutcome again = jobs.cancel(job.jobId());
        assertFalse(again.cancelled());
        assertTrue(again.message().contains("already ended cancelled"), again.message());
        assertEquals(1, counter(TerrakubeSandbox.CANCELS), "an ended job is not PATCHed again");
    }

    @Test
    void aFailedStepFailsTheJobAndIsNamed() throws Exception {
        SubmittedJob job = submit("broken-apply", "Plan and apply without approval", false, null, ApprovePolicy.AUTO);

        Outcome o = fx.watch(jobs, fx.handleFor(job));

        assertEquals(JobState.FAILED, o.last().state());
        assertEquals("failed", o.last().status());
        assertEquals("step 200 'Apply' failed; see its log", o.last().message());
        assertTrue(o.log().contains("Error: sandbox failure in terraformApply"));
        assertEquals(fx.expectedLog(job.jobId()), TerrakubeFixture.remoteBytesOnly(o.log()));
    }

    @Test
    void aPlanWithoutChangesSucceedsAndSaysSo() throws Exception {
        SubmittedJob job = submit("no-changes", "Plan and apply", false, null, ApprovePolicy.AUTO);

        Outcome o = fx.watch(jobs, fx.handleFor(job));

        assertEquals(JobState.SUCCEEDED, o.last().state());
        assertEquals("the plan found no changes", o.last().message());
        assertEquals(0, counter(TerrakubeSandbox.APPROVALS));
        assertEquals(List.of("completed", "notExecuted", "notExecuted"), fx.sandbox.terrakube().stepStatuses(job.jobId()));
    }

    @Test
    void theOlderCommandApiIsDetectedOnceAndRunsPlanForPlanOnly() throws Exception {
        fx.sandbox.terrakube().useOlderApi(true);
        TerrakubeJobs older = fx.jobs();
        assertEquals(ApiGeneration.OLDER, older.apiGeneration());
        assertEquals(List.of(), older.templates());

        SubmittedJob plan = older.submit(new TerrakubeJobRequest("sandbox-workspace", null, true, null, ApprovePolicy.AUTO)
                , submitLog::add);
        assertEquals("plan", plan.targetId());
        Outcome o = fx.watch(older, fx.handleFor(plan));
        assertEquals(JobState.SUCCEEDED, o.last().state());
        assertEquals("plan", older.job(plan.jobId()).command());
        assertEquals(fx.expectedLog(plan.jobId()), TerrakubeFixture.remoteBytesOnly(o.log()));

        SubmittedJob apply = older.submit(new TerrakubeJobRequest("staging", "apply", false, null, ApprovePolicy.AUTO)
                , submitLog::add);
        assertEquals(JobState.SUCCEEDED, fx.watch(older, fx.handleFor(apply)).last().state());

        ValidationException e = assertThrows(ValidationException.class, () -> older.submit(
                new TerrakubeJobRequest("staging", "Plan and apply", false, null, ApprovePolicy.AUTO), submitLog::add));
        assertTrue(e.getMessage().contains("plan, apply or destroy"), e.getMessage());
    }

    @Test
    void unknownNamesAreErrorsThatListTheCandidates() {
        ValidationException ws = assertThrows(ValidationException.class,
                () -> submit("sandbox-wrokspace", "Plan", false, null, ApprovePolicy.AUTO));
        assertEquals("workspace", ws.field());
        assertTrue(ws.getMessage().contains("'sandbox-workspace'") && ws.getMessage().contains("'staging'"), ws.getMessage());

        ValidationException tpl = assertThrows(ValidationException.class,
                () -> submit("sandbox-workspace", "Aply", false, null, ApprovePolicy.AUTO));
        assertTrue(tpl.getMessage().contains("'Plan and apply'"), tpl.getMessage());

        ValidationException planOnly = assertThrows(ValidationException.class,
                () -> submit("sandbox-workspace", "Plan and apply", true, null, ApprovePolicy.AUTO));
        assertTrue(planOnly.getMessage().contains("terraformPlan, approval, terraformApply"), planOnly.getMessage());
        assertEquals(0, counter(TerrakubeSandbox.JOBS_CREATED));
    }

    @Test
    void deleteRemovesTheStepsThenTheJob() throws Exception {
        SubmittedJob job = submit("sandbox-workspace", "Plan", false, null, ApprovePolicy.AUTO);
        fx.watch(jobs, fx.handleFor(job));

        jobs.delete(job.jobId());

        assertTrue(fx.sandbox.terrakube().jobStatus(job.jobId()).isEmpty());
        RemoteApiException gone = assertThrows(RemoteApiException.class, () -> jobs.job(job.jobId()));
        assertEquals(404, gone.status());
        assertTrue(gone.getMessage().contains("Unknown identifier [" + job.jobId() + "] for job"), gone.getMessage());
    }
}
