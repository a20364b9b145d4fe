package io.jenkins.plugins.iacjobs.core.watch;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Map;

/**
 * Polls one remote system for job status. Implementations are per connection, immutable or thread-safe, and
 * must not retry with sleeps: the watcher reschedules on transient failures.
 */
public interface JobProbe {
    /**
     * Polls one job. May stream new log text to {@code logs} before returning and return an advanced log cursor.
     * Throws an {@link io.jenkins.plugins.iacjobs.core.IacJobsException} on failure.
     */
    JobSnapshot poll(WatchHandle handle, LogSink logs);

    /**
     * Polls several jobs with one call where the remote offers a listing that covers them. Returns the
     * snapshots it could cover; the watcher polls the rest one by one. The default covers none.
     */
    default Map<String, JobSnapshot> pollMany(List<WatchHandle> handles) {
        return Map.of();
    }

    /**
     * Jobs whose probes share a key are polled together (one connection and credential). Null: never batched.
     */
    @CheckForNull
    default String batchKey() {
        return null;
    }

    /**
     * The remote this probe talks to (a connection), so that a slow remote only ever delays its own jobs; see
     * {@link Lanes}. Defaults to the batch key; unbatched probes without one each get a lane of their own.
     */
    @CheckForNull
    default String laneKey() {
        return batchKey();
    }

    /** Receives streamed log text. */
    @FunctionalInterface
    interface LogSink {
        void write(String text);
    }
}
