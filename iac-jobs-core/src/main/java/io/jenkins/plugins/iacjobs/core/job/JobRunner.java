package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.JobFailedException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlanComparison;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.report.JobReportWriter;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The steps every front end takes, in order: submit, watch, then fetch the final job and write its evidence.
 * The CLI calls them one after another; the Jenkins step calls {@link #watch} and finishes in the callback.
 */
public final class JobRunner {
    /** The folder under {@code <artifacts>/iac-jobs/} where a job's files are fetched before they are written out. */
    public static final String WORK = ".work";
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

    /** The connection's name, as reports give it. */
    public String connection() {
        return connection;
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
        Path workRoot = artifactsRoot.resolve("iac-jobs").resolve(WORK);
        Path given = evidence.workDir();
        Path work = given != null ? given : newWorkDir(workRoot);
        try {
            return finishIn(work, handle, last, submitted, artifactsRoot, evidence);
        } finally {
            // However it ends (an unreadable job, a full disk, an error): results can be gigabytes, never left behind.
            deleteWork(work, workRoot);
        }
    }

    private JobResult finishIn(Path work, WatchHandle handle, JobSnapshot last, @CheckForNull SubmittedJob submitted,
                               Path artifactsRoot, Evidence evidence) {
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
        Plan read = readPlan(fin, streamedLog);
        // the fingerprint covers the target and inputs it was planned for, where they are known
        Plan plan = read == null ? null : read.forInputs(submitted == null ? null : submitted.inputsDigest());
        JobReport report = new JobReport(system.displayName(), connection, handle.jobId(),
                submitted == null ? null : submitted.targetName(), submitted == null ? null : submitted.targetId(), planOnly,
                submitted == null ? Map.of() : submitted.shownParams(), status, success, message, handle.startedAt(), ended, url,
                plan, evidence.approval(), evidence.waitEnded(), PlanComparison.of(plan, evidence.prior()));
        // what an apply produced, for the next stage; read only after one that ended well
        JobOutputs outputs = success && !planOnly && submitted != null && last.state() != JobState.PAUSED
                ? system.outputs(handle.jobId(), clock.instant().plus(evidence.bound())) : null;
        String folder = evidence.folder();
        List<String> files = JobReportWriter.write(artifactsRoot, report, fin, streamedLog, evidence.keepAnsi(),
                folder != null ? folder : JobIds.folderName(handle.jobId()), outputs);
        Duration took = report.duration();
        return new JobResult(handle.jobId(), status, last.state(), planOnly, message, files, url,
                took == null ? 0 : took.toMillis(), report, outputs);
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
     * @param workDir     where to fetch the job's files, a folder of their own that is deleted afterwards; null for a
     *                    new one under {@code iac-jobs/.work} (a front end that must delete it on a stop gives its own)
     * @param prior       the previous plan of the same target, to compare the plan with; or null
     */
    public record Evidence(@CheckForNull Path streamedLog, boolean keepAnsi, @CheckForNull String approval,
                           @CheckForNull String folder, @CheckForNull String waitEnded, Duration bound,
                           @CheckForNull Path workDir, @CheckForNull PlanComparison.Prior prior) {
        /**
         * How long a finished job's files may take to fetch: results can be hundreds of megabytes, but a remote that
         * trickles them must not hold a build or a command for ever.
         */
        public static final Duration FETCH_BOUND = Duration.ofMinutes(10);
        /** After a timeout the user has waited long enough: the job as it stands, fetched within this grace. */
        public static final Duration GRACE_AFTER_TIMEOUT = Duration.ofSeconds(30);

        public static Evidence of(@CheckForNull Path streamedLog) {
            return new Evidence(streamedLog, false, null, null, null, FETCH_BOUND, null, null);
        }

        public Evidence withKeepAnsi(boolean keep) {
            return new Evidence(streamedLog, keep, approval, folder, waitEnded, bound, workDir, prior);
        }

        public Evidence withApproval(@CheckForNull String decision) {
            return new Evidence(streamedLog, keepAnsi, decision, folder, waitEnded, bound, workDir, prior);
        }

        public Evidence inFolder(@CheckForNull String name) {
            return new Evidence(streamedLog, keepAnsi, approval, name, waitEnded, bound, workDir, prior);
        }

        /** A run whose wait ended before the job did: fetched within {@link #GRACE_AFTER_TIMEOUT}. */
        public Evidence withWaitEnded(@CheckForNull String why) {
            return new Evidence(streamedLog, keepAnsi, approval, folder, why, why == null ? bound : GRACE_AFTER_TIMEOUT, workDir, prior);
        }

        /** Compares the plan with {@code p}, the previous plan of the same target. */
        public Evidence comparedWith(@CheckForNull PlanComparison.Prior p) {
            return new Evidence(streamedLog, keepAnsi, approval, folder, waitEnded, bound, workDir, p);
        }

        /** Fetches into {@code dir} (a folder of this run's own, deleted with all it holds once the files are written). */
        public Evidence inWorkDir(@CheckForNull Path dir) {
            return new Evidence(streamedLog, keepAnsi, approval, folder, waitEnded, bound, dir, prior);
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

    /** A folder of this call's own under {@code workRoot}, so that runs sharing an output folder never delete each other's files. */
    public static Path newWorkDir(Path workRoot) {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a work folder under " + workRoot + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code work} and all it holds, then {@code workRoot} if nothing else is left in it. Best effort. */
    public static void deleteWork(Path work, Path workRoot) {
        deleteTree(work);
        try {
            Files.deleteIfExists(workRoot);
        } catch (IOException inUseOrGone) {
            // another run's folder is in it, or it is gone already
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the rest are still deleted
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            // deleted meanwhile (a stop hook and the run both clean up)
        }
    }
}
