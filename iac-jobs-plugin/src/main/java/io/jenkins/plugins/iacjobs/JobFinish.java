package io.jenkins.plugins.iacjobs;

import hudson.AbortException;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.run.IacJobResult;
import io.jenkins.plugins.iacjobs.run.RunArtifacts;
import io.jenkins.plugins.iacjobs.run.StreamedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How an {@link IacJobRun} ends: core's {@code JobRunner.finish} writes the evidence, which is archived with the
 * build and summarised on its page; the step gets its value, or an error a person can act on, never a stack trace.
 */
final class JobFinish {

    private static final Logger LOGGER = Logger.getLogger(JobFinish.class.getName());

    private JobFinish() {
    }

    /** The value of a {@code submitOnly} run: the job goes on remotely. */
    static Map<String, Object> submitted(IacJobRun r) {
        IacJobRun.State s = r.state;
        String jobId = s.handle.jobId();
        return IacJobResult.of(s.systemName, s.connection, jobId, "Submitted", true, s.planOnly, s.accelerator, null, null,
                List.of(), r.runner.system().remoteUrl(jobId));
    }

    static void finish(IacJobRun r, JobSnapshot last) {
        IacJobRun.State s = r.state;
        Path work = null;
        try {
            String jobId = s.handle.jobId();
            work = Files.createTempDirectory("iac-jobs-");
            boolean success = last.state().isSuccess();
            // approve: 'never' stops at waitingApproval: not a failure, the job waits remotely for a person.
            boolean paused = last.state() == JobState.PAUSED;
            Path out = Files.createDirectories(work.resolve("out"));
            StreamedLog log = r.streamedLog();
            SubmittedJob submitted = new SubmittedJob(jobId, null, s.targetId, s.accelerator, s.planOnly, s.shownParams);
            String decided = r.gate.decision(jobId);
            JobResult finished = r.runner.finish(s.handle, last, submitted, out, log.existing(), r.request.keepAnsi(), decided);
            JobReport report = finished.report();
            List<String> files = finished.artifacts();
            String message = finished.message();
            RunArtifacts.archive(r.run, r.listener, out, files, "iac-jobs/" + jobId + "/");
            log.delete(); // archived as log.txt
            r.run.addAction(new IacJobAction(report, files));
            Map<String, Object> value = IacJobResult.of(s.systemName, s.connection, jobId, report.status(), success, s.planOnly,
                    s.accelerator, message, IacJobResult.readResults(out, files), files, report.remoteUrl(), report.plan());
            if (success || paused || !r.request.failOnError()) {
                if (paused) {
                    r.say(Messages.IacJobRun_paused(s.systemName, jobId, report.status()));
                } else if (!success) {
                    r.say(Messages.IacJobRun_failedButReturned(jobId, report.status(), message == null ? "" : message));
                }
                r.result.complete(value);
            } else {
                r.result.completeExceptionally(new AbortException(Messages.IacJobRun_failed(s.systemName, jobId, report.status(),
                        message == null ? Messages.IacJobRun_noMessage() : message) + (decided == null ? "" : " (" + decided + ")")));
            }
        } catch (Throwable t) {
            fail(r, t);
        } finally {
            if (work != null) {
                RunArtifacts.deleteQuietly(work);
            }
        }
    }

    static void fail(IacJobRun r, Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof AbortException || e instanceof InterruptedException) {
            r.result.completeExceptionally(e);
        } else if (e instanceof IacJobsException) {
            // Core's messages already name the status, correlation id and what to do; no stack trace in the log.
            r.result.completeExceptionally(new AbortException(e.getMessage()));
        } else {
            LOGGER.log(Level.WARNING, "iacJob failed unexpectedly in " + r.run, e);
            r.result.completeExceptionally(new AbortException(Messages.IacJobRun_unexpected(e)));
        }
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
