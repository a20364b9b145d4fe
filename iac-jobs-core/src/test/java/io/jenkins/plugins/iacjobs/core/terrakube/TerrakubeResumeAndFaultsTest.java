package io.jenkins.plugins.iacjobs.core.terrakube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.CrashingJournal;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeFixture.Outcome;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TokenAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming from a persisted log position, the sandbox's fault modes, and tokens that must never leak. */
class TerrakubeResumeAndFaultsTest {

    private static JobRequestBuilder request(String workspace, String template, ApprovePolicy approve) {
        return new JobRequestBuilder(new TerrakubeJobRequest(workspace, template, false, null, approve));
    }

    private record JobRequestBuilder(TerrakubeJobRequest r) {
        SubmittedJob submit(TerrakubeJobs jobs, List<String> log) {
            return jobs.submit(r, log::add);
        }
    }

    @Test
    void resumingFromThePersistedLogPositionWritesEveryByteOnce() throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.5, FaultPlan.none())) {
            TerrakubeJobs first = fx.jobs();
            SubmittedJob job = request("sandbox-workspace", "Plan and apply without approval", ApprovePolicy.AUTO)
                    .submit(first, new ArrayList<>());

            // Watch until some log is in, keeping the text and the handle as they stood together, then stop
            // as a controller restart would.
            StringBuilder text = new StringBuilder();
            AtomicReference<String> persistedText = new AtomicReference<>("");
            AtomicReference<WatchHandle> persisted = new AtomicReference<>();
            AtomicReference<Watch> watchRef = new AtomicReference<>();
            JobRunner runner = new JobRunner(first, fx.watcher, "sandbox", Clock.systemUTC());
            Watch w = runner.watch(fx.handleFor(job), new WatchListener() {
                @Override
                public void onLog(String t) {
                    text.append(t);
                }

                @Override
                public void onProgress(WatchHandle h) {
                    persisted.set(h);
                    persistedText.set(text.toString());
                    if (LogCursor.parse(h.logCursor()).totalBytes() > 0 && watchRef.get() != null) {
                        watchRef.get().cancel();
                    }
                }
            }, TerrakubeFixture.FAST, TerrakubeFixture.TIMEOUT);
            watchRef.set(w);
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> w.result().get(60, TimeUnit.SECONDS));
            assertTrue(stopped.getCause() instanceof WaitAbortedException);
            assertTrue(LogCursor.parse(persisted.get().logCursor()).totalBytes() > 0, persisted.get().logCursor());

            Outcome resumed = fx.watch(fx.jobs(), persisted.get());

            assertEquals(JobState.SUCCEEDED, resumed.last().state());
            assertEquals(fx.expectedLog(job.jobId()), TerrakubeFixture.remoteBytesOnly(persistedText.get() + resumed.log()));
        }
    }

    @Test
    void underEveryFaultOneJobIsCreatedAndTheLogIsExact() throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.1, FaultPlan.all())) {
            TerrakubeJobs jobs = fx.jobs();
            List<String> submitLog = new ArrayList<>();
            SubmittedJob job = request("sandbox-workspace", "Plan and apply without approval", ApprovePolicy.AUTO)
                    .submit(jobs, submitLog);

            Outcome o = fx.watch(jobs, fx.handleFor(job));

            assertEquals(JobState.SUCCEEDED, o.last().state());
            assertEquals(1, fx.sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
            assertTrue(submitLog.stream().anyMatch(l -> l.startsWith("Found job " + job.jobId())), submitLog.toString());
            assertTrue(fx.sandbox.counters().faultsInjected() > 3);
            assertEquals(fx.expectedLog(job.jobId()), TerrakubeFixture.remoteBytesOnly(o.log()));
        }
    }

    @Test
    void aLostCreateAdoptsItsOwnJobNeverAnEarlierRunsOfTheSameTemplate() throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.1, FaultPlan.parse("drop-submit=2"))) {
            List<String> log = new ArrayList<>();
            SubmittedJob first = request("staging", "Plan", ApprovePolicy.AUTO).submit(fx.jobs(), log);
            SubmittedJob second = request("staging", "Plan", ApprovePolicy.AUTO).submit(fx.jobs(), log);

            assertEquals("1", first.jobId());
            assertEquals("2", second.jobId(), log.toString());
            assertEquals(2, fx.sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
            assertTrue(fx.jobs().job("2").comments().startsWith("Created by IaC Jobs, request "));
        }
    }

    @Test
    void aCreateLostWithARestartIsFoundAgainByAFreshClient() throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.1, FaultPlan.none())) {
            TerrakubeJobRequest r = new TerrakubeJobRequest("staging", "Plan", false, null, ApprovePolicy.AUTO);
            SubmittedJob earlierRun = fx.jobs().submit(r, s -> { });
            Thread.sleep(5); // the instants of the two sends must differ
            Instant sentAt = Instant.now();
            SubmittedJob job = fx.jobs().submit(r, s -> { });

            SubmittedJob found = fx.jobs().findSubmitted(r, sentAt).orElseThrow();

            assertEquals(job.jobId(), found.jobId(), "not the earlier run's job " + earlierRun.jobId());
            assertEquals("Plan", found.targetName());
            assertTrue(fx.jobs().findSubmitted(new TerrakubeJobRequest("sandbox-workspace", "Plan", false, null,
                    ApprovePolicy.AUTO), sentAt).isEmpty(), "another workspace has no such job");
        }
    }

    /**
     * Issue 24: the process dies after Terrakube made the job but before the answer was kept, and another run makes a
     * job of the same template in the same workspace meanwhile. The request marker kept before the send names ours;
     * the send time alone (what was kept before) cannot tell the two apart.
     */
    @Test
    void aCreateCutOffByACrashIsFoundByTheRequestMarkerKeptBeforeIt() throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.1, FaultPlan.none())) {
            TerrakubeJobRequest r = new TerrakubeJobRequest("staging", "Plan", false, null, ApprovePolicy.AUTO);
            CrashingJournal journal = new CrashingJournal();
            assertThrows(CrashingJournal.Crash.class, () -> fx.jobs().submit(r, s -> { }, journal));
            SubmittedJob another = fx.jobs().submit(r, s -> { }); // another run, after ours was sent
            SendRecord record = journal.record();
            assertTrue(record.marker().startsWith("Created by IaC Jobs, request "), record.marker());

            SubmittedJob found = fx.jobs().findSubmitted(r, record).orElseThrow(); // a fresh client: the next process
            assertEquals("1", found.jobId(), "ours, not " + another.jobId());
            assertThrows(OutcomeUnknownException.class, () -> fx.jobs().findSubmitted(r, record.sentAt()),
                    "by the send time alone both jobs are candidates");
            assertEquals(2, fx.sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED), "looking sends nothing");
        }
    }

    @Test
    void underRateLimitsAndRefusedTokensTheApprovalIsSentOnce() throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.1, FaultPlan.parse("429=3,401=4,drop-submit"))) {
            TerrakubeJobs jobs = fx.jobs();
            SubmittedJob job = request("sandbox-workspace", "Plan and apply", ApprovePolicy.AUTO).submit(jobs, new ArrayList<>());

            Outcome o = fx.watch(jobs, fx.handleFor(job));

            assertEquals(JobState.SUCCEEDED, o.last().state());
            assertEquals(1, fx.sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
            assertEquals(1, fx.sandbox.counters().get(TerrakubeSandbox.APPROVALS));
            assertEquals(0, fx.sandbox.counters().get(TerrakubeSandbox.DUPLICATE_APPROVALS));
            assertEquals(fx.expectedLog(job.jobId()), TerrakubeFixture.remoteBytesOnly(o.log()));
        }
    }

    @Test
    void aLostApprovalIsSentAgainOnlyBecauseTheJobStillWaits() throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.1, FaultPlan.none().withDropApprovals(2))) {
            TerrakubeJobs jobs = fx.jobs();
            SubmittedJob job = request("sandbox-workspace", "Plan and apply", ApprovePolicy.AUTO).submit(jobs, new ArrayList<>());

            Outcome o = fx.watch(jobs, fx.handleFor(job));

            assertEquals(JobState.SUCCEEDED, o.last().state(), "the job did not stay in waitingApproval");
            assertEquals(1, fx.sandbox.counters().get(TerrakubeSandbox.APPROVALS));
            assertEquals(0, fx.sandbox.counters().get(TerrakubeSandbox.DUPLICATE_APPROVALS));
            assertTrue(o.log().contains("checks whether it arrived"), o.log());
        }
    }

    @Test
    void theTokenNeverAppearsInMessagesLogsOrArtifacts(@TempDir Path out) throws Exception {
        try (TerrakubeFixture fx = new TerrakubeFixture(0.1, FaultPlan.none())) {
            String token = fx.sandbox.terrakube().token();
            List<String> seen = new ArrayList<>();

            String forged = "tkb-forged-" + token.substring(4);
            TokenSuspectException e500 = assertThrows(TokenSuspectException.class, () -> fx.jobs(forged).workspaces());
            assertEquals(IacJobsException.Kind.AUTHENTICATION, e500.kind());
            assertTrue(e500.getMessage().contains("likely a token or permission problem"), e500.getMessage());
            seen.add(e500.getMessage());

            ValidationException noTeam = assertThrows(ValidationException.class,
                    () -> fx.jobs(fx.sandbox.terrakube().issueToken(TokenAccess.NO_TEAM)).organizationId());
            assertTrue(noTeam.getMessage().contains("token or permission problem"), noTeam.getMessage());
            seen.add(noTeam.getMessage());

            String viewer = fx.sandbox.terrakube().issueToken(TokenAccess.VIEW);
            IacJobsException denied = assertThrows(RemoteApiException.class,
                    () -> request("sandbox-workspace", "Plan", ApprovePolicy.AUTO).submit(fx.jobs(viewer), seen));
            assertTrue(denied.getMessage().contains("HTTP 403: CreatePermission Denied"), denied.getMessage());
            seen.add(denied.getMessage());

            TerrakubeJobs jobs = fx.jobs();
            SubmittedJob job = request("sandbox-workspace", "Plan and apply", ApprovePolicy.AUTO).submit(jobs, seen);
            Outcome o = fx.watch(jobs, fx.handleFor(job));
            seen.add(o.log());
            seen.add(o.handle().toString());
            Path streamed = out.resolve("streamed.log");
            Files.writeString(streamed, o.log());
            new JobRunner(jobs, fx.watcher, "sandbox", Clock.systemUTC()).finish(o.handle(), o.last(), job, out, streamed);
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    seen.add(Files.readString(f));
                }
            }
            seen.add(jobs.toString());

            for (String s : seen) {
                assertFalse(s.contains(token), "the token leaked into: " + s);
                assertFalse(s.contains(viewer), "a token leaked into: " + s);
                assertFalse(s.contains(forged), "a token leaked into: " + s);
            }
        }
    }
}
