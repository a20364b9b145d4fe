package io.jenkins.plugins.iacjobs.core.watch;

/** A system-neutral view of a remote job's status. Each system maps its own status strings onto these. */
public enum JobState {
    /** Accepted, not started, or between steps. */
    PENDING(false, false),
    RUNNING(false, false),
    /** Waiting for a person (Terrakube approval). Watching goes on unless the probe reports {@link #PAUSED}. */
    WAITING_APPROVAL(false, false),
    /** Not finished, but the watch should end here (Terrakube {@code approve: never} at waitingApproval). */
    PAUSED(true, false),
    SUCCEEDED(true, true),
    FAILED(true, false),
    CANCELLED(true, false);

    private final boolean endsWatch;
    private final boolean success;

    JobState(boolean endsWatch, boolean success) {
        this.endsWatch = endsWatch;
        this.success = success;
    }

    /** Whether watching stops at this state. */
    public boolean endsWatch() {
        return endsWatch;
    }

    public boolean isSuccess() {
        return success;
    }
}
