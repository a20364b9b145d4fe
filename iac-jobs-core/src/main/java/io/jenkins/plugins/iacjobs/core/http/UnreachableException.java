package io.jenkins.plugins.iacjobs.core.http;

import io.jenkins.plugins.iacjobs.core.IacJobsException;

/** The remote host could not be reached, or the connection failed mid-call, after any retries. */
public class UnreachableException extends IacJobsException {
    private static final long serialVersionUID = 1L;

    public UnreachableException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.UNREACHABLE;
    }
}
