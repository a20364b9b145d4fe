package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.JobFailedException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.report.JobReportWriter;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The steps every front end takes, in order: submit, watch, then fetch the final job and write its evidence.
 * The CLI calls them one after another; the Jenkins step calls {@link #watch} and finishes in the callback.
 */
public final class JobRunner {
    private final RemoteJobSystem<?> system;
    private final JobWatcher watcher;
    private final String connection;
    private final Clock clock;

    public JobRunner(RemoteJobSystem<?> system, JobWatcher watcher, String connection, Clock clock) {
        this.system = system;
        this.watcher = watcher;
        this.connection = connection;
        this.clock = clock;
    }

    public RemoteJobSystem<?> system() {
        return system;
    }

    public WatchHandle handleFor(SubmittedJob job) {
        return handleFor(job, clock.instant());
    }

    /** @param startedAt when this run began, submission included, so an overall timeout counts from then */
    public WatchHandle handleFor(SubmittedJob job, Instant startedAt) {
        return WatchHandle.start(system.systemId(), connection, job.jobId(), startedAt);
    }

    /** Starts or resumes watching; completes when the job ends (see {@link Watch#result()}). */
    public Watch watch(WatchHandle handle, WatchListener listener, PollSettings poll, @CheckForNull Duration timeout) {
        return watcher.watch(handle, system.probe(), listener, poll, timeout);
    }

    /**
     * Fetches the final job and writes its files under {@code artifactsRoot}.
     *
     * Every front end finishes a job here, so the evidence is the same from the CLI and from Jenkins.
     *
     * @param submitted what was submitted, or null after a resume where only the id is known
     * @param streamedLog the log text streamed while watching, or null
     */
    public JobResult finish(WatchHandle handle, JobSnapshot last, @CheckForNull SubmittedJob submitted, Path artifactsRoot,
                            @CheckForNull Path streamedLog) {
        return finishWith(handle, last, submitted, artifactsRoot, Evidence.of(streamedLog));
    }

    /** Fetches the final job (or the job as it stands) and writes its files as {@code evidence} says. */
    public JobResult finishWith(WatchHandle handle, JobSnapshot last, @CheckForNull SubmittedJob submitted, Path artifactsRoot,
                                Evidence evidence) {
        Path work = artifactsRoot.resolve("iac-jobs").resolve(".work");
        // Also for a job paused at an approval: what it planned so far is evidence too.
        FinalJob fin = system.fetchFinal(handle.jobId(), work, clock.instant().plus(evidence.bound()));
        String status = Objects.requireNonNullElse(fin.status(), last.status());
        String remoteMessage = fin.message();
        String message = remoteMessage != null ? remoteMessage : last.message();
        boolean success = last.state().isSuccess();
        boolean planOnly = submitted != null && submitted.planOnly();
        Instant ended = clock.instant();
        String url = system.remoteUrl(handle.jobId());
        Path streamedLog = evidence.streamedLog();
        JobReport report = new JobReport(system.displayName(), connection, handle.jobId(),
                submitted == null ? null : submitted.targetName(), submitted == null ? null : submitted.targetId(), planOnly,
                submitted == null ? Map.of() : submitted.shownParams(), status, success, message, handle.startedAt(), ended, url,
                readPlan(fin, streamedLog), evidence.approval(), evidence.waitEnded());
        String folder = evidence.folder();
        List<String> files = JobReportWriter.write(artifactsRoot, report, fin, streamedLog, evidence.keepAnsi(),
                folder != null ? folder : JobIds.folderName(handle.jobId()));
        deleteQuietly(work);
        Duration took = report.duration();
        return new JobResult(handle.jobId(), status, last.state(), planOnly, message, files, url,
                took == null ? 0 : took.toMillis(), report);
    }

    /**
     * What a front end keeps of a job beside the remote's own record, and where.
     *
     * @param streamedLog the log text streamed while watching, or null
     * @param keepAnsi    also keep the streamed log with its terminal colours, as {@code log.ansi.txt}
     * @param approval    who decided the job's approval wait, when and why; or null
     * @param folder      the folder name under {@code iac-jobs/}; null for the job id
     * @param waitEnded   why the wait ended before the job (a timeout) and what became of the job; null when it ended
     * @param bound       how long fetching the final job may take in all, retries included
     */
    public record Evidence(@CheckForNull Path streamedLog, boolean keepAnsi, @CheckForNull String approval,
                           @CheckForNull String folder, @CheckForNull String waitEnded, Duration bound) {
        /**
         * How long a finished job's files may take to fetch: results can be hundreds of megabytes, but a remote that
         * trickles them must not hold a build or a command for ever.
         */
        public static final Duration FETCH_BOUND = Duration.ofMinutes(10);
        /** After a timeout the user has waited long enough: the job as it stands, fetched within this grace. */
        public static final Duration GRACE_AFTER_TIMEOUT = Duration.ofSeconds(30);

        public static Evidence of(@CheckForNull Path streamedLog) {
            return new Evidence(streamedLog, false, null, null, null, FETCH_BOUND);
        }

        public Evidence withKeepAnsi(boolean keep) {
            return new Evidence(streamedLog, keep, approval, folder, waitEnded, bound);
        }

        public Evidence withApproval(@CheckForNull String decision) {
            return new Evidence(streamedLog, keepAnsi, decision, folder, waitEnded, bound);
        }

        public Evidence inFolder(@CheckForNull String name) {
            return new Evidence(streamedLog, keepAnsi, approval, name, waitEnded, bound);
        }

        /** A run whose wait ended before the job did: fetched within {@link #GRACE_AFTER_TIMEOUT}. */
        public Evidence withWaitEnded(@CheckForNull String why) {
            return new Evidence(streamedLog, keepAnsi, approval, folder, why, why == null ? bound : GRACE_AFTER_TIMEOUT);
        }
    }

    /** What the job planned, where it can be read; a plan we cannot read is left to the raw evidence. */
    @CheckForNull
    private static Plan readPlan(FinalJob fin, @CheckForNull Path streamedLog) {
        FinalJob.PlanReader reader = fin.plan();
        if (reader == null) {
            return null;
        }
        try {
            return reader.read(streamedLog).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The timeout ended the wait before the job ended: the job is cancelled where the system can, and the message
     * says so, or that it goes on remotely. Every front end ends a timed-out run this way.
     */
    public TimedOut timedOut(String jobId, WaitTimeoutException timeout) {
        CancelOutcome cancel = system.cancel(jobId);
        // one status: the one the cancel found, fresher than the last poll's, in its place and not beside it
        String statusThen = cancel.statusThen();
        String why = statusThen != null ? timeout.withStatus(statusThen) : timeout.getMessage();
        return new TimedOut(cancel, Printable.of(why) + ". " + cancel.message());
    }

    /** What {@link #timedOut} did: the remote's answer to the cancel, and the one line to end the run with. */
    public record TimedOut(CancelOutcome cancel, String message) {
    }

    /** The exception that ends a build or a command for a failed job, carrying the remote's message. */
    public JobFailedException failure(JobResult r) {
        String what = system.displayName() + " job " + r.jobId() + " ended " + r.status();
        String message = r.message();
        return new JobFailedException(r.jobId(), r.status(), message == null || message.isBlank() ? what : what + ": " + message);
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // leftovers in a temporary folder are harmless
        }
    }
}
