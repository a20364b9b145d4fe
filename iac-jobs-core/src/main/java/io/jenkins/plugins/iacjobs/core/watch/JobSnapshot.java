package io.jenkins.plugins.iacjobs.core.watch;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * What one poll saw.
 *
 * @param status    the status string exactly as the remote sent it
 * @param message   the remote's error or note, if any
 * @param logCursor where log streaming has got to (opaque to the watcher; null for systems without logs)
 */
public record JobSnapshot(String jobId, String status, JobState state, @CheckForNull String message, @CheckForNull String logCursor) {
}
