package io.jenkins.plugins.iacjobs.core;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** The overall timeout passed before the remote job ended. */
public final class WaitTimeoutException extends IacJobsException {
    private static final long serialVersionUID = 1L;

    private final String withoutStatus;
    @CheckForNull
    private final String lastStatus;

    public WaitTimeoutException(String message) {
        super(message);
        this.withoutStatus = message;
        this.lastStatus = null;
    }

    /**
     * A wait that ended at the timeout, with the last status a poll saw, so that a later and truer status (the one a
     * cancel found) can take its place rather than stand beside it ({@link #withStatus}).
     *
     * @param lastStatus the last status seen, or null before the first poll
     */
    public WaitTimeoutException(String message, @CheckForNull String lastStatus) {
        super(message + (lastStatus == null ? "" : "; the last status seen was " + lastStatus));
        this.withoutStatus = message;
        this.lastStatus = lastStatus;
    }

    /** The last status a poll saw, when this says one. */
    @CheckForNull
    public String lastStatus() {
        return lastStatus;
    }

    /** The message with {@code status}, known later than the last poll, in place of the last status seen. */
    public String withStatus(String status) {
        return withoutStatus + ", while the job was " + status;
    }

    @Override
    public Kind kind() {
        return Kind.TIMEOUT;
    }
}
