package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;

/**
 * Terrakube answered its first authenticated call with HTTP 500. A Terrakube server does that when it cannot read
 * the token (malformed, or not issued by it: it tries OIDC discovery and fails), so this is reported as a
 * credentials problem, not as a broken server.
 */
public final class TokenSuspectException extends IacJobsException {
    private static final long serialVersionUID = 1L;

    TokenSuspectException(RemoteApiException cause) {
        super(cause.getMessage(), cause); // TerrakubeErrors already says that a 500 here is likely the token
    }

    /** The exception to report for a failure of the first authenticated call. */
    static RuntimeException of(RemoteApiException e) {
        return e.status() == 500 ? new TokenSuspectException(e) : e;
    }

    @Override
    public Kind kind() {
        return Kind.AUTHENTICATION;
    }
}
