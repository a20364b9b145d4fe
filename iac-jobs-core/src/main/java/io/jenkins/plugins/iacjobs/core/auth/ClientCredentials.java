package io.jenkins.plugins.iacjobs.core.auth;

import io.jenkins.plugins.iacjobs.core.ValidationException;

/** An OAuth client id and secret. {@link #toString()} never shows the secret. */
public record ClientCredentials(String clientId, String clientSecret) {

    public ClientCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new ValidationException("client id", "is empty; give the OAuth client id of a client-credentials grant");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new ValidationException("client secret", "is empty for client id '" + clientId + "'; give the client's secret");
        }
        clientId = clientId.strip();
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
}
