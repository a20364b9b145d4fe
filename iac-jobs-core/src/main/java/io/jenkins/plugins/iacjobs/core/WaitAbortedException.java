package io.jenkins.plugins.iacjobs.core;

/** Waiting was stopped on request (a build abort, Ctrl-C). */
public final class WaitAbortedException extends IacJobsException {
    private static final long serialVersionUID = 1L;

    public WaitAbortedException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.ABORTED;
    }
}
