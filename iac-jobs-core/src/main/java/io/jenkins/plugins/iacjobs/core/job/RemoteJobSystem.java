package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One connection to a remote IaC system, as the runner, the CLI and the Jenkins plugin see it. Implementations:
 * {@code GenesysJobs} and {@code TerrakubeJobs}, each with its own request type {@code R}.
 */
public interface RemoteJobSystem<R extends JobRequest> {
    /** A short stable id, persisted in watch handles: "genesys", "terrakube". */
    String systemId();

    /** For people: "Genesys Cloud". */
    String displayName();

    /**
     * Checks a job id given by a user (or read from a remote) against this system's syntax before it reaches a URL
     * or a file name; returns it, or throws a {@link io.jenkins.plugins.iacjobs.core.ValidationException} naming the field.
     */
    String requireJobId(String field, String jobId);

    /** Validates the request against the remote (target exists, params fit), then submits exactly once. */
    default SubmittedJob submit(R request, Consumer<String> log) {
        return submit(request, log, SendJournal.NONE);
    }

    /**
     * {@link #submit(JobRequest, Consumer)}, telling {@code journal} what a lookup after a crash needs before the send,
     * and the job once accepted, both while this connection's turn for such submissions is held.
     */
    SubmittedJob submit(R request, Consumer<String> log, SendJournal journal);

    /**
     * Looks for the job a submission made when its answer never reached us (the controller restarted while
     * the request was in flight). Empty when the remote shows no such job, so the caller may decide to submit;
     * an error when several jobs match, because guessing could watch someone else's job.
     *
     * @param sent what {@link SendJournal#sending} was given, or {@link SendRecord#at} a time by our clock
     */
    Optional<SubmittedJob> findSubmitted(R request, SendRecord sent);

    /** {@link #findSubmitted(JobRequest, SendRecord)} for a send known only by its time, by our clock. */
    default Optional<SubmittedJob> findSubmitted(R request, Instant sentAt) {
        return findSubmitted(request, SendRecord.at(sentAt));
    }


    /**
     * What the remote says of a job given by id (a front end attaching to a job it did not submit, or whose record it
     * lost): its target, whether it only plans, and where it runs. Parameters the remote does not return stay unknown.
     * An id the remote does not know is a {@link io.jenkins.plugins.iacjobs.core.http.RemoteApiException} with
     * status 404.
     */
    SubmittedJob describe(String jobId);

    /** Polls this connection's jobs for the watcher. */
    JobProbe probe();

    /** Asks the remote to cancel, where it can; otherwise says plainly that the job goes on. */
    CancelOutcome cancel(String jobId);

    /**
     * Fetches the final job, with results, into {@code workDir}.
     *
     * @param deadline past which no call is sent or waited for (null: the client's own limits)
     */
    FinalJob fetchFinal(String jobId, Path workDir, @CheckForNull Instant deadline);

    /**
     * What an applied job produced for the next stage (Terraform's outputs), read after it ended well; null for a
     * system whose jobs have none beside their results. Never throws: what could not be read is said in the note.
     *
     * @param deadline past which no call is sent or waited for (null: the client's own limits)
     */
    @CheckForNull
    default JobOutputs outputs(String jobId, @CheckForNull Instant deadline) {
        return null;
    }

    /** A link a person can open for this job, or null. */
    @CheckForNull
    String remoteUrl(String jobId);
}
