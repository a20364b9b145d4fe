package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request bound to the system that runs it: what a front end submits once, or looks up after a restart lost the
 * answer. It keeps the request's type, so the caller needs no knowledge of the system.
 */
public record Submission<R extends JobRequest>(RemoteJobSystem<R> system, R request) {

    public SubmittedJob submit(Consumer<String> log) {
        return system.submit(request, log);
    }

    /** @see RemoteJobSystem#findSubmitted */
    public Optional<SubmittedJob> findSubmitted(Instant sentAt) {
        return system.findSubmitted(request, sentAt);
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
