package io.jenkins.plugins.iacjobs.core.http;

/**
 * A non-idempotent call (a job submission) was sent, but no usable answer came back: the remote may or may not
 * have acted on it. Callers must look the result up before deciding to send it again.
 */
public final class OutcomeUnknownException extends UnreachableException {
    private static final long serialVersionUID = 1L;

    public OutcomeUnknownException(String message) {
        super(message);
    }
}
