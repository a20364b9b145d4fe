package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;

/**
 * The identity service refused the app's credentials. AvePoint's identity service answers {@code 400 invalid_client}
 * rather than 401, so this marks the failure as authentication for front ends choosing an exit code or build result.
 */
public final class IdentityRefusedException extends RemoteApiException {
    private static final long serialVersionUID = 1L;

    IdentityRefusedException(String clientId, RemoteApiException e) {
        super(AvePointClient.IDENTITY_SYSTEM, "get a token for client id '" + clientId + "'", e.status(), e.correlationId(),
                e.remoteMessage() + ". Check the app (client) id, its secret or certificate (uploaded to the app registration"
                        + " and not expired), the identity service, and the controller's clock", null);
    }

    @Override
    public Kind kind() {
        return Kind.AUTHENTICATION;
    }
}
