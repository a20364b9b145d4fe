package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.checks.PlanCheck;
import io.jenkins.plugins.iacjobs.checks.PlanChecks;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.plan.OnChanges;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlanComparison;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.remote.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a job run ends, given what it needs: core's {@link JobRunner#finish} writes the evidence, which is archived
 * with the build and summarised on its page; the caller gets the step's value, or an error a person can act on,
 * never a stack trace.
 */
final class JobEnding {

    private static final Logger LOGGER = Logger.getLogger(JobEnding.class.getName());

    private final Run<?, ?> build;
    private final TaskListener listener;
    private final JobRunner runner;
    private final SubmittedJob submitted;
    private final JobSpec spec;
    /** The reviewed plan's fingerprint that a dry run matched before this apply ({@code expectPlan}), or null. */
    @CheckForNull
    private final String reviewedPlan;

    JobEnding(Run<?, ?> build, TaskListener listener, JobRunner runner, SubmittedJob submitted, JobSpec spec,
              @CheckForNull String reviewedPlan) {
        this.reviewedPlan = reviewedPlan;
        this.build = build;
        this.listener = listener;
        this.runner = runner;
        this.submitted = submitted;
        this.spec = spec;
    }

    /**
     * @param decision who decided the job's approval on the build page, or null
     * @param unstable marks the run unstable, for {@code onChanges: 'unstable'}
     * @param check    what the run's check is about
     * @param publish  publishes the run's completed check (a no-op with {@code checks: false})
     * @return the step's value; a failed job throws instead, unless {@code failOnError} is false
     */
    Map<String, Object> end(WatchHandle handle, JobSnapshot last, StreamedLog log, @CheckForNull String decision,
                            Unstable unstable, PlanChecks.Subject check, Consumer<PlanCheck> publish)
            throws IOException, InterruptedException {
        String system = runner.system().displayName();
        String jobId = submitted.jobId();
        Path work = Files.createTempDirectory("iac-jobs-");
        try {
            Path out = Files.createDirectories(work.resolve("out"));
            String targetKey = IacJobAction.targetKey(system, runner.connection(), submitted);
            PlanComparison.Prior prior = IacJobAction.priorPlan(build, targetKey);
            JobResult finished = runner.finishWith(handle, last, submitted, out,
                    JobRunner.Evidence.of(log.existing()).withKeepAnsi(spec.keepAnsi()).withApproval(decision).comparedWith(prior));
            JobReport report = finished.report();
            RunArtifacts.archive(build, listener, out, finished.artifacts(), "iac-jobs/" + jobId + "/");
            log.delete(); // archived as log.txt
            boolean paused = last.state() == JobState.PAUSED;
            OnChanges onChanges = spec.onChanges();
            boolean drift = finished.drifted(onChanges);
            IacJobAction action = new IacJobAction(report, finished.artifacts(), targetKey, drift, IacJobAction.label(build));
            if (reviewedPlan != null) {
                action.setReviewNote(Messages.JobRun_appliedReviewed(Plan.shortFingerprint(reviewedPlan)));
            }
            build.addAction(action);
            JobOutputs outputs = finished.outputs();
            sayOutputs(outputs);
            Map<String, Object> value = IacJobResult.of(report, IacJobResult.readResults(out, finished.artifacts()), finished.artifacts(),
                    outputs == null ? Map.of() : outputs.values(spec.sensitiveOutputs()));
            value.put("reviewedPlan", reviewedPlan);
            value.put("drift", drift);
            value.put("comparedWith", action.getPlanComparison());
            String allIn = action.getPlanAllInName();
            publish.accept(PlanChecks.ended(check, report, conclusion(finished, paused, drift, onChanges),
                    allIn == null ? null : new PlanChecks.FileLink(allIn, action.getPlanAllInHref()), Instant.now()));
            // approve: 'never' stops at waitingApproval: not a failure, the job waits remotely for a person.
            if (paused) {
                say(Messages.JobRun_paused(system, jobId, report.status()));
            } else if (!finished.success()) {
                String message = finished.message();
                if (spec.failOnError()) {
                    throw new AbortException(Messages.JobRun_failed(system, jobId, report.status(),
                            message == null ? Messages.JobRun_noMessage() : message) + (decision == null ? "" : " (" + decision + ")"));
                }
                say(Messages.JobRun_failedButReturned(jobId, report.status(), message == null ? "" : message));
            } else if (drift) {
                String why = Printable.of(OnChanges.drift(report.plan(), report.planComparison()));
                if (onChanges == OnChanges.FAIL) {
                    throw new AbortException(Messages.JobRun_driftFail(why));
                }
                say(Messages.JobRun_driftUnstable(why));
                unstable.mark(why);
            } else if (action.getPlanComparison() != null && report.plan() != null && report.plan().hasChanges()) {
                say(action.getPlanComparison());
            }
            return value;
        } finally {
            RunArtifacts.deleteQuietly(work);
        }
    }

    /**
     * {@code expectPlan}'s dry run ended: its evidence is archived and shown as any plan's (so the build keeps what was
     * checked), and its result returned for the check against the reviewed plan. Nothing else: no value, no check.
     */
    JobResult planChecked(WatchHandle handle, JobSnapshot last, StreamedLog log) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("iac-jobs-");
        try {
            Path out = Files.createDirectories(work.resolve("out"));
            String targetKey = IacJobAction.targetKey(runner.system().displayName(), runner.connection(), submitted);
            JobResult finished = runner.finishWith(handle, last, submitted, out, JobRunner.Evidence.of(log.existing()));
            RunArtifacts.archive(build, listener, out, finished.artifacts(), "iac-jobs/" + submitted.jobId() + "/");
            log.delete();
            IacJobAction action = new IacJobAction(finished.report(), finished.artifacts(), targetKey, false, IacJobAction.label(build));
            action.setReviewNote(Messages.JobRun_checkOfReviewed(Plan.shortFingerprint(spec.expectPlan())));
            build.addAction(action);
            return finished;
        } finally {
            RunArtifacts.deleteQuietly(work);
        }
    }

    /** An apply's outputs in the log: where they were read, each (sensitive ones masked), or why there are none. */
    private void sayOutputs(@CheckForNull JobOutputs outputs) {
        if (outputs == null) {
            return;
        }
        if (!outputs.outputs().isEmpty()) {
            say(Messages.JobRun_outputs(outputs.outputs().size(), outputs.source()));
            outputs.shown().forEach((name, value) -> say("  " + name + " = " + value));
        }
        if (outputs.note() != null) {
            say(Messages.JobRun_outputsNote(outputs.note()));
        }
    }

    /** The check's conclusion: the job's outcome, then the drift policy's. */
    private static PlanCheck.Conclusion conclusion(JobResult finished, boolean paused, boolean drift, OnChanges onChanges) {
        if (paused) {
            return PlanCheck.Conclusion.ACTION_REQUIRED;
        }
        if (!finished.success()) {
            return PlanCheck.Conclusion.FAILURE;
        }
        if (drift) {
            return onChanges == OnChanges.FAIL ? PlanCheck.Conclusion.FAILURE : PlanCheck.Conclusion.NEUTRAL;
        }
        return PlanCheck.Conclusion.SUCCESS;
    }

    private void say(String line) {
        BuildLogListener.say(listener, line);
    }

    /**
     * What a build sees of a failure: the message of ours or core's, never a stack trace; anything else is logged.
     * Every message is made {@link Printable} here, the one way out to the build log: they quote remote text (a job's
     * error, a status, an error body) that must not add lines or escape codes to it.
     */
    static Throwable failure(Run<?, ?> build, Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof InterruptedException) {
            return e;
        }
        if (e instanceof AbortException || e instanceof IacJobsException) {
            // Core's messages already name the status, correlation id and what to do.
            String message = e.getMessage();
            String printable = Printable.of(message);
            return e instanceof AbortException && printable.equals(message) ? e : new AbortException(printable);
        }
        LOGGER.log(Level.WARNING, "iacJob failed unexpectedly in " + build, e);
        return new AbortException(Printable.of(Messages.JobRun_unexpected(e)));
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
