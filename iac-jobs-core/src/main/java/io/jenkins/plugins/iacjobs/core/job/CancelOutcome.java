package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * What asking the remote to cancel did.
 *
 * @param cancelled   whether the remote accepted the cancel
 * @param message     one line for the user: what happened, or why the job is still running remotely; it names no
 *                    status the job had, that is {@code statusThen}
 * @param statusThen  the job's status when the cancel was sent, read just before; null when not read
 */
public record CancelOutcome(boolean cancelled, String message, @CheckForNull String statusThen) {
    public CancelOutcome(boolean cancelled, String message) {
        this(cancelled, message, null);
    }
}
