package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.plan.PlanFingerprint;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request bound to the system that runs it: what a front end submits once, or looks up after a restart lost the
 * answer. It keeps the request's type, so the caller needs no knowledge of the system.
 */
public record Submission<R extends JobRequest>(RemoteJobSystem<R> system, R request) {

    /** Submits once; the job carries the digest of its inputs, so its plan's fingerprint covers them. */
    public SubmittedJob submit(Consumer<String> log) {
        return submit(log, SendJournal.NONE);
    }

    /** @see RemoteJobSystem#submit(JobRequest, Consumer, SendJournal) */
    public SubmittedJob submit(Consumer<String> log, SendJournal journal) {
        String digest = inputsDigest();
        return system.submit(request, log, new SendJournal() {
            @Override
            public void sending(SendRecord record) {
                journal.sending(record);
            }

            @Override
            public void accepted(SubmittedJob job) {
                journal.accepted(job.withInputsDigest(digest));
            }
        }).withInputsDigest(digest);
    }

    /** @see RemoteJobSystem#findSubmitted */
    public Optional<SubmittedJob> findSubmitted(Instant sentAt) {
        return findSubmitted(SendRecord.at(sentAt));
    }

    /** @see RemoteJobSystem#findSubmitted */
    public Optional<SubmittedJob> findSubmitted(SendRecord sent) {
        return system.findSubmitted(request, sent).map(j -> j.withInputsDigest(inputsDigest()));
    }

    /** {@link PlanFingerprint#inputs} of this request: what may be kept of its inputs. */
    public String inputsDigest() {
        return PlanFingerprint.inputs(request.planInputs());
    }

    /** The same inputs as a dry run: what {@code expectPlan} runs before it applies. */
    @SuppressWarnings("unchecked")
    public Submission<R> asPlanOnly() {
        return new Submission<>(system, (R) request.asPlanOnly());
    }

    /** The same submission, bounded by the run's overall timeout (null: none). */
    @SuppressWarnings("unchecked")
    public Submission<R> withDeadline(@CheckForNull Instant deadline) {
        return new Submission<>(system, (R) request.withDeadline(deadline));
    }

    public boolean planOnly() {
        return request.planOnly();
    }
}
