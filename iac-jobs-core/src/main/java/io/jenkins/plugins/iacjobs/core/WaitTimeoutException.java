package io.jenkins.plugins.iacjobs.core;

/** The overall timeout passed before the remote job ended. */
public final class WaitTimeoutException extends IacJobsException {
    private static final long serialVersionUID = 1L;

    public WaitTimeoutException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.TIMEOUT;
    }
}
