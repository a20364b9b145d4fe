package io.jenkins.plugins.iacjobs.core.job;

/**
 * What asking the remote to cancel did.
 *
 * @param cancelled whether the remote accepted the cancel
 * @param message   one line for the user: what happened, or why the job is still running remotely
 */
public record CancelOutcome(boolean cancelled, String message) {
}
