package io.jenkins.plugins.iacjobs.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.HeldBackException;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.plan.OnChanges;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlanExpectation;
import io.jenkins.plugins.iacjobs.core.plan.TerraformPlanText;
import io.jenkins.plugins.iacjobs.core.report.EvidenceFiles;
import io.jenkins.plugins.iacjobs.core.report.JobReportWriter;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Submit, watch, publish: the flow `job run`, `job wait` and `demo` share. */
final class JobExecution {
    private final CliContext ctx;
    private final RemoteJobSystem<?> system;
    private final String connection;
    private final RunOptions opts;
    private final Where where;
    private final PrintStream progress;
    /** Who decided an approval at the prompt, for summary.md. */
    private volatile String decision;
    /** The job being watched, for the fingerprint an approval records. */
    private volatile SubmittedJob watching;
    /** The last job run to its end here: {@code --expect-plan}'s dry run, before the apply. */
    private JobResult lastResult;
    /** {@code --expect-plan}: its dry run's result is not printed as the command's (json: one document). */
    private boolean quietReport;
    /** {@code --expect-plan}: what the check found, for {@code --output json}. */
    private Map<String, Object> reviewed;

    JobExecution(CliContext ctx, RemoteJobSystem<?> system, String connection, RunOptions opts, Where where) {
        this.ctx = ctx;
        this.system = system;
        this.connection = connection;
        this.opts = opts;
        this.where = where;
        this.progress = opts.output == RunOptions.OutputFormat.json ? ctx.err() : ctx.out();
    }

    int submitAndWait(Submission<?> submission, boolean submitOnly) {
        Duration timeout = opts.timeout(); // every option is checked before anything is sent
        opts.poll();
        OutputFolder.requireWritable(opts.out);
        Instant started = ctx.clock().instant();
        Submission<?> bounded = submission.withDeadline(timeout == null ? null : started.plus(timeout));
        ConsoleReporter submitNotes = reporter(null);
        SubmissionLedger ledger = new SubmissionLedger(opts.out, ctx.json());
        String key = SubmissionLedger.key(system.systemId(), where.remote(), submission.request());
        ledger.unfinished(key, started).ifPresent(e -> submitNotes.note(e.pending()
                ? resolvePending(e, bounded, key, ledger)
                : "An earlier run with the same inputs submitted job " + e.jobId() + " at " + Instants.seconds(e.at()) + " and did not see it end;"
                        + " `" + where.waitCommand(e.jobId()) + "` picks it up. Submitting a new job now."));
        ledger.pending(key, started, system.systemId() + " " + where.remote());
        try (StopGuard guard = StopGuard.install(progress, system, where, !submitOnly)) {
            guard.submitting();
            SubmittedJob job = bounded.submit(submitNotes::note);
            guard.submitted(job.jobId());
            return submitted(job, key, ledger, submitNotes, started, submitOnly, guard);
        }
    }

    /**
     * {@code --expect-plan}: a dry run of the same inputs first, then the apply, only when that dry run planned exactly the
     * reviewed plan. Otherwise nothing is applied: {@link HeldBackException} (exit 7) names both fingerprints and the
     * resources that differ, the reviewed plan's taken from {@code --out} where an earlier run left its plan.json.
     */
    int applyReviewed(Submission<?> apply, PlanExpectation expected) {
        opts.timeout();
        opts.poll();
        reporter(null).note("--expect-plan: a dry run of the same inputs first, to apply only the reviewed plan "
                + expected.fingerprint() + ".");
        quietReport = true;
        int code;
        try {
            code = submitAndWait(apply.asPlanOnly(), false);
        } finally {
            quietReport = false;
        }
        JobResult dry = lastResult;
        if (code != ExitCodes.SUCCESS || dry == null || !dry.success()) {
            throw new HeldBackException("--expect-plan", "--expect-plan: the dry run that checks the reviewed plan did not"
                    + " end well" + (dry == null ? "" : " (" + dry.status() + ")") + ". Nothing was applied.");
        }
        PlanExpectation.Verdict verdict = expected.check(dry.jobId(), dry.report().plan(),
                ReviewedPlans.find(opts.out, expected.fingerprint(), ctx.json()));
        reviewed = new LinkedHashMap<>();
        reviewed.put("reviewed", expected.fingerprint());
        reviewed.put("dryRun", dry.jobId());
        reviewed.put("planned", verdict.planned());
        reviewed.put("matches", verdict.matches());
        if (!verdict.matches()) {
            if (opts.output == RunOptions.OutputFormat.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("expectPlan", reviewed);
                m.put("applied", false);
                ctx.printJson(m);
            }
            verdict.differences().forEach(l -> progress.println(Printable.of(l)));
            throw new HeldBackException("--expect-plan", verdict.message());
        }
        reporter(null).note(verdict.message());
        return submitAndWait(apply, false);
    }

    /**
     * An earlier run with these inputs was stopped before its submission was answered: the remote is asked which job
     * it made (Genesys: the job history by accelerator, submitter and time; Terrakube: the request marker in the
     * jobs' comments), and the ledger records the answer. Several candidates are listed, never guessed between.
     */
    private String resolvePending(SubmissionLedger.Entry e, Submission<?> submission, String key, SubmissionLedger ledger) {
        String stopped = "An earlier run with the same inputs was stopped at " + Instants.seconds(e.at()) + " while submitting";
        Optional<SubmittedJob> found;
        try {
            found = submission.findSubmitted(e.at());
        } catch (OutcomeUnknownException several) { // more than one job may be it
            return stopped + ": " + Printable.of(several.getMessage()) + ". Submitting a new job now.";
        } catch (IacJobsException unreadable) {
            return stopped + ", and looking up what it made failed (" + Printable.of(unreadable.getMessage()) + "); the remote's"
                    + " jobs since then show it if it made one. Submitting a new job now.";
        }
        if (found.isEmpty()) {
            ledger.foundNone(key, e.at());
            return stopped + "; the remote shows no job from it. Submitting a new job now.";
        }
        String id = found.get().jobId();
        ledger.found(key, e.at(), id);
        return stopped + "; it made " + system.displayName() + " job " + id + " (found on the remote), which no run saw end; `"
                + where.waitCommand(id) + "` picks it up. Submitting a new job now.";
    }

    private int submitted(SubmittedJob job, String key, SubmissionLedger ledger, ConsoleReporter submitNotes, Instant started,
                          boolean submitOnly, StopGuard guard) {
        ledger.submitted(key, ctx.clock().instant(), job.jobId());
        JobFolders.Folder folder = folders().claim(JobFolders.Record.of(system.systemId(), where.remote(), job));
        if (folder.occupied() != null) {
            submitNotes.note("iac-jobs/" + folder.occupied() + " holds the files of another job " + job.jobId()
                    + " (an earlier run's, on another server or organisation); this job's files go to iac-jobs/" + folder.name());
        }
        if (submitOnly) {
            submitNotes.note("Submitted " + system.displayName() + " job " + job.jobId() + "; wait for it with `"
                    + where.waitCommand(job.jobId()) + "`");
            if (opts.output == RunOptions.OutputFormat.json) {
                ctx.printJson(Map.of("id", job.jobId(), "status", String.valueOf(job.status()), "submitOnly", true,
                        "waitCommand", where.waitCommand(job.jobId())));
            }
            return ExitCodes.SUCCESS;
        }
        JobRunner runner = runner();
        return waitAndPublish(runner, WatchHandle.start(system.systemId(), connection, job.jobId(), started)
                .withProgress(job.status(), null), job, folder.name(), guard, () -> ledger.ended(key, ctx.clock().instant(), job.jobId()));
    }

    /**
     * Waits for a job submitted earlier. What was submitted (plan only, target, parameters) comes from the record
     * {@code job run} left in {@code --out}, or else from the remote, so the evidence says what the job is; an id the
     * remote does not know is the user's input (exit 2), as for {@code job status}.
     */
    int waitFor(String jobId) {
        OutputFolder.requireWritable(opts.out);
        opts.poll();
        opts.timeout();
        String id = system.requireJobId("JOB_ID", jobId);
        JobFolders folders = folders();
        JobFolders.Folder folder = folders.find(system.systemId(), where.remote(), id);
        JobFolders.Record record = folder.record();
        SubmittedJob job = record != null ? record.job() : UnknownJob.describe(system, id);
        opts.onChanges().requirePlanOnly("--on-changes", "--plan-only to the `job run` that submits it", job.planOnly());
        if (record == null) {
            folders.write(folder.name(), JobFolders.Record.of(system.systemId(), where.remote(), job));
        }
        ConsoleReporter notes = reporter(null);
        notes.note(system.displayName() + " job " + id + ": " + (job.planOnly() ? "plan only" : "applies changes")
                + (job.targetName() != null ? ", " + job.targetName() : job.targetId() != null ? ", " + job.targetId() : "")
                + (record != null ? " (as submitted by an earlier run)" : " (as the remote describes it)"));
        if (folder.occupied() != null) {
            notes.note("iac-jobs/" + folder.occupied() + " holds the files of another job " + id + "; this job's files go to iac-jobs/"
                    + folder.name());
        }
        JobRunner runner = runner();
        SubmissionLedger ledger = new SubmissionLedger(opts.out, ctx.json());
        try (StopGuard guard = StopGuard.install(progress, system, where, true)) {
            return waitAndPublish(runner, WatchHandle.start(system.systemId(), connection, id, ctx.clock().instant()), job,
                    folder.name(), guard, () -> ledger.ended("", ctx.clock().instant(), id));
        }
    }

    private JobFolders folders() {
        return new JobFolders(opts.out, ctx.json());
    }

    private JobRunner runner() {
        return new JobRunner(system, ctx.watcher(), connection, ctx.clock());
    }

    private int waitAndPublish(JobRunner runner, WatchHandle handle, SubmittedJob job, String folder, StopGuard guard,
                               Runnable onEnd) {
        Path logFile = tempLog(guard);
        Path work = guard.workFolder(opts.out.resolve("iac-jobs").resolve(JobRunner.WORK));
        try {
            return waitAndPublish(runner, handle, job, folder, guard, logFile, work, onEnd);
        } finally {
            // whatever happened: timeout, failure, an error; a stop deletes them in the guard
            guard.deleteTemporary(logFile);
            guard.deleteWork(work);
        }
    }

    private int waitAndPublish(JobRunner runner, WatchHandle handle, SubmittedJob job, String folder, StopGuard guard,
                               Path logFile, Path work, Runnable onEnd) {
        ConsoleReporter reporter = reporter(logFile);
        if (handle.lastStatus() != null) {
            reporter.note(system.displayName() + " job " + handle.jobId() + ": " + handle.lastStatus());
        }
        watching = job;
        Watch watch = runner.watch(handle, reporter, opts.poll(), opts.timeout());
        guard.watching(handle.jobId(), watch); // from here a stop cancels the watch (and the job, where it can)
        JobSnapshot last;
        try {
            last = await(watch, reporter, logFile);
        } catch (WaitTimeoutException e) {
            JobRunner.TimedOut t = runner.timedOut(handle.jobId(), e);
            String files = keepEvidence(runner, watch, job, folder, logFile, work, t.message());
            throw new WaitTimeoutException(t.message() + files + pickUp(t.cancel(), handle.jobId()));
        }
        JobResult r = runner.finishWith(watch.handle(), last, job, opts.out, JobRunner.Evidence.of(hasText(logFile) ? logFile : null)
                .withKeepAnsi(opts.keepAnsi).withApproval(decision).inFolder(folder).inWorkDir(work));
        onEnd.run();
        lastResult = r;
        OnChanges onChanges = opts.onChanges();
        boolean drift = r.drifted(onChanges);
        report(r, onChanges == OnChanges.IGNORE ? null : drift);
        if (r.state() == JobState.PAUSED) {
            return ExitCodes.SUCCESS;
        }
        if (!r.success()) {
            throw runner.failure(r);
        }
        if (drift) {
            // the verdict, on the console (stderr with --output json) and in the exit code: 6 unstable, 1 fail
            progress.println(OnChanges.drift(r.report().plan(), r.report().planComparison()) + " (--on-changes "
                    + onChanges.word() + ": exit " + (onChanges == OnChanges.FAIL ? ExitCodes.JOB_FAILED : ExitCodes.DRIFT) + ")");
            return onChanges == OnChanges.FAIL ? ExitCodes.JOB_FAILED : ExitCodes.DRIFT;
        }
        return ExitCodes.SUCCESS;
    }

    /**
     * {@code --approve prompt}: shows the plan read from the log so far and asks y/N on the terminal; anything but
     * yes rejects. The decision is sent once and recorded for {@code summary.md}.
     */
    private String askAPerson(TerrakubeJobs tk, String jobId, Path logFile, ConsoleReporter reporter) {
        Plan plan = null;
        try {
            plan = hasText(logFile) ? TerraformPlanText.read(Files.newBufferedReader(logFile)).orElse(null) : null;
        } catch (IOException | RuntimeException unreadable) {
            // the question is asked without the plan
        }
        synchronized (reporter) {
            reporter.note("Terrakube job " + jobId + " waits for approval.");
            if (plan != null) {
                progress.println(plan.headline());
                plan.shownLines().forEach(l -> progress.println("  " + Printable.of(l)));
                if (plan.hiddenCount() > 0) {
                    progress.println("  (" + plan.shownOfAll() + "; all are in the log above)");
                }
            }
            progress.print("Approve Terrakube job " + jobId + "? [y/N] ");
            progress.flush();
        }
        String answer = ctx.readLine();
        boolean yes = answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        if (yes) {
            tk.approve(jobId);
        } else {
            tk.reject(jobId);
        }
        String who = ctx.env("USER") != null ? ctx.env("USER") : "the person at the terminal";
        SubmittedJob job = watching;
        String note = (yes ? "Approved" : "Rejected") + " by " + who + " at " + Instants.seconds(ctx.clock().instant())
                + " (at the prompt" + (answer == null ? ", no answer" : "") + ") "
                + PlanExpectation.approvedOn(plan == null ? null : plan.forInputs(job == null ? null : job.inputsDigest()));
        reporter.note(note);
        return note;
    }

    /** What a timed-out run leaves: the job as it stands, its log so far and a summary. Best effort. */
    private String keepEvidence(JobRunner runner, Watch watch, SubmittedJob job, String folder, Path logFile, Path work,
                                String why) {
        WatchHandle h = watch.handle();
        JobSnapshot seen = watch.lastSnapshot();
        JobSnapshot last = seen != null ? seen
                : new JobSnapshot(h.jobId(), Objects.requireNonNullElse(h.lastStatus(), "unknown"), JobState.RUNNING, null, h.logCursor());
        try {
            JobResult r = runner.finishWith(h, last, job, opts.out, JobRunner.Evidence.of(hasText(logFile) ? logFile : null)
                    .inFolder(folder).withWaitEnded("Timed out. " + why).inWorkDir(work));
            return ". Its files so far are in " + opts.out.toAbsolutePath().normalize().resolve(r.folder());
        } catch (IacJobsException | UncheckedIOException e) {
            return ". Its files could not be written: " + e.getMessage();
        }
    }

    /** The command that picks a job up again, when it goes on remotely. */
    private String pickUp(CancelOutcome c, String jobId) {
        return c.cancelled() ? "" : ". `" + where.waitCommand(jobId) + "` picks it up again";
    }

    private JobSnapshot await(Watch watch, ConsoleReporter reporter, Path logFile) {
        while (true) {
            try {
                return watch.result().get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                reporter.tick();
                JobSnapshot waiting = reporter.takeWaiting();
                if (waiting != null && system instanceof TerrakubeJobs tk && tk.approvePolicy() == ApprovePolicy.INPUT) {
                    decision = askAPerson(tk, waiting.jobId(), logFile, reporter);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                watch.cancel();
                throw new WaitAbortedException("Interrupted while waiting");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IacJobsException ie) {
                    throw ie;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** @param drift whether the drift policy acted; null when there is none ({@code --on-changes ignore}) */
    private void report(JobResult r, @CheckForNull Boolean drift) {
        if (quietReport) {
            Plan checked = r.report().plan();
            progress.println("Dry run " + r.jobId() + " " + r.status() + (checked == null ? ""
                    : ": " + checked.headline() + " Fingerprint " + checked.fingerprint()));
            return;
        }
        Path root = opts.out.toAbsolutePath().normalize();
        JobOutputs outputs = r.outputs();
        if (opts.output == RunOptions.OutputFormat.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.jobId());
            m.put("status", r.status());
            m.put("success", r.success());
            m.put("planOnly", r.planOnly());
            m.put("message", r.message());
            m.put("remoteUrl", r.remoteUrl());
            m.put("durationMillis", r.durationMillis());
            m.put("artifacts", r.artifacts().stream().map(a -> root.resolve(a).toString()).toList());
            Plan plan = r.report().plan();
            if (plan != null) {
                m.put("plan", plan.toMap());
            }
            if (drift != null) {
                m.put("drift", drift);
            }
            if (!r.planOnly()) {
                // as outputs.json has them: sensitive values masked (a shell's stdout is a log too)
                m.put("outputs", outputs == null ? Map.of() : ctx.json().convertValue(outputs.toJson().get("outputs"), Map.class));
                String results = r.artifacts().stream().filter(a -> a.substring(a.lastIndexOf('/') + 1).startsWith("results."))
                        .findFirst().orElse(null);
                m.put("results", results == null ? null : JobReportWriter.parsedResults(root.resolve(results)));
            }
            if (reviewed != null) {
                m.put("expectPlan", reviewed);
            }
            ctx.printJson(m);
            return;
        }
        progress.println();
        progress.println((r.success() ? "Done: " : "Ended: ") + system.displayName() + " job " + r.jobId() + " " + r.status()
                + (r.planOnly() ? " (plan only)" : ""));
        Plan plan = r.report().plan();
        if (plan != null) {
            progress.println(plan.headline());
            plan.shownLines().forEach(l -> progress.println("  " + Printable.of(l)));
            if (plan.hiddenCount() > 0) {
                String all = EvidenceFiles.everyResourceIn(plan, r.artifacts());
                progress.println("  (" + plan.shownOfAll() + (all == null ? ")" : "; all are in " + root.resolve(all) + ")"));
            }
        }
        if (outputs != null) {
            if (!outputs.outputs().isEmpty()) {
                progress.println("Outputs (from " + outputs.source() + "):");
                outputs.shown().forEach((name, value) -> progress.println("  " + Printable.of(name + " = " + value)));
            }
            if (outputs.note() != null) {
                progress.println("Outputs: " + Printable.of(outputs.note()));
            }
        }
        progress.println("Artifacts in " + root.resolve(r.folder()) + ":");
        for (String a : r.artifacts()) {
            progress.println("  " + root.resolve(a));
        }
    }

    private ConsoleReporter reporter(Path logFile) {
        return new ConsoleReporter(progress, System.console() != null && opts.output == RunOptions.OutputFormat.text,
                ctx.clock(), system.displayName(), logFile, opts.keepAnsi);
    }

    /** Owner-only (0600 where the file system has POSIX modes): remote logs may hold what others should not read. */
    private static Path tempLog(StopGuard guard) {
        try {
            return guard.temporaryFile("iacjobs-log-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasText(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
