package io.jenkins.plugins.iacjobs.core.watch;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import java.time.Duration;
import java.time.Instant;

/**
 * Hears what the watcher sees. Called on a watcher thread: return quickly and do not block. Exceptions thrown
 * here are swallowed so one bad listener cannot stall other jobs.
 */
public interface WatchListener {
    /** The status changed (reported once per change, including across a resume). */
    default void onStatus(JobSnapshot snapshot, Instant at) {
    }

    /** Nothing changed for a while; the job is still being watched. */
    default void onHeartbeat(JobSnapshot snapshot, Duration quietFor) {
    }

    /** New log text, each byte once. */
    default void onLog(String text) {
    }

    /** A poll failed in a way that may pass; the watcher retries after {@code retryIn}. */
    default void onTrouble(IacJobsException problem, Duration retryIn) {
    }

    /** The watch handle moved on (status or log cursor): persist it if you need to resume. */
    default void onProgress(WatchHandle handle) {
    }
}
