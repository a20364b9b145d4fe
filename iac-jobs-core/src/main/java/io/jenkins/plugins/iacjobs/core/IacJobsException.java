package io.jenkins.plugins.iacjobs.core;

/**
 * Base of every failure core reports. The message is one line a person can act on: it names what went wrong,
 * the value involved and the fix, and never contains a secret. Front ends print {@link #getMessage()} and
 * choose an exit code or build result from {@link #kind()}; they never need the stack trace.
 */
public abstract class IacJobsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, so front ends can map it to an exit code or a build result. */
    public enum Kind {
        /** Bad input: a field, its value and the fix. */
        VALIDATION,
        /** Credentials were rejected or lack a permission. */
        AUTHENTICATION,
        /** The remote system answered with an error. */
        REMOTE,
        /** The remote system could not be reached or kept failing. */
        UNREACHABLE,
        /** The remote system answered with something we cannot read. */
        MALFORMED_RESPONSE,
        /** We gave up waiting. */
        TIMEOUT,
        /** The remote job ended in failure. */
        JOB_FAILED,
        /**
         * Held back on purpose, with nothing applied: the remote's state says not now (a plan that changed since it was
         * reviewed, a workspace that runs a job), and the option that asked for this check names the way on.
         */
        HELD_BACK,
        /** Waiting was stopped by the user. */
        ABORTED
    }

    protected IacJobsException(String message) {
        super(message);
    }

    protected IacJobsException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Kind kind();
}
