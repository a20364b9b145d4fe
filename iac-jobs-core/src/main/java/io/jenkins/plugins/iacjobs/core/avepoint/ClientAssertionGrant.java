package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.auth.AccessToken;
import io.jenkins.plugins.iacjobs.core.auth.OAuthClientCredentialsGrant;
import io.jenkins.plugins.iacjobs.core.http.ApiRequest;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

/**
 * The client-credentials grant authenticated by a signed JWT instead of a secret. Each request signs a fresh
 * assertion (new {@code jti}), so a retried request is never a replay.
 */
public final class ClientAssertionGrant implements Supplier<AccessToken> {
    private final RestClient rest;
    private final HttpUrl tokenUrl;
    private final AvePointCredentials.Certificate credentials;
    private final String scope;
    private final Clock clock;

    public ClientAssertionGrant(RestClient rest, HttpUrl tokenUrl, AvePointCredentials.Certificate credentials, String scope,
                                Clock clock) {
        this.rest = rest;
        this.tokenUrl = tokenUrl;
        this.credentials = credentials;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public AccessToken get() {
        FormBody form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", credentials.clientId())
                .add("client_assertion_type", ClientAssertion.TYPE)
                .add("client_assertion", ClientAssertion.sign(credentials, tokenUrl.toString(), clock.instant()))
                .add("scope", scope)
                .build();
        ApiRequest request = new ApiRequest("get a token for client id '" + credentials.clientId() + "' with its certificate",
                "POST", tokenUrl, form, true, Map.of());
        return OAuthClientCredentialsGrant.fetch(rest, request, clock);
    }
}
