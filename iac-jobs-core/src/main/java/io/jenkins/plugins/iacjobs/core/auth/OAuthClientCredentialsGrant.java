package io.jenkins.plugins.iacjobs.core.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.ApiRequest;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

/**
 * Fetches a token with the OAuth 2.0 client-credentials grant. Genesys Cloud takes the client id and secret as
 * HTTP Basic ({@link #basic}); AvePoint takes them in the form body with a scope ({@link #formSecret}).
 * Asking again is harmless, so token requests are retried like any idempotent call.
 */
public final class OAuthClientCredentialsGrant implements Supplier<AccessToken>, CachedTokenSource.Fetcher {
    private final RestClient rest;
    private final HttpUrl tokenUrl;
    private final ClientCredentials credentials;
    private final boolean basicAuth;
    private final @CheckForNull String scope;
    private final Clock clock;

    private OAuthClientCredentialsGrant(RestClient rest, HttpUrl tokenUrl, ClientCredentials credentials, boolean basicAuth,
                                        @CheckForNull String scope, Clock clock) {
        this.rest = rest;
        this.tokenUrl = tokenUrl;
        this.credentials = credentials;
        this.basicAuth = basicAuth;
        this.scope = scope;
        this.clock = clock;
    }

    /** @param rest a client without a token source, for the token endpoint */
    public static OAuthClientCredentialsGrant basic(RestClient rest, HttpUrl tokenUrl, ClientCredentials credentials, Clock clock) {
        return new OAuthClientCredentialsGrant(rest, tokenUrl, credentials, true, null, clock);
    }

    public static OAuthClientCredentialsGrant formSecret(RestClient rest, HttpUrl tokenUrl, ClientCredentials credentials,
                                                         String scope, Clock clock) {
        return new OAuthClientCredentialsGrant(rest, tokenUrl, credentials, false, scope, clock);
    }

    @Override
    public AccessToken get() {
        return fetch((Instant) null);
    }

    /**
     * Asks for a token, sending nothing and waiting for no retry past {@code deadline}, and cutting the call to what
     * is left of it: a token endpoint that trickles its answer cannot hold a run past its timeout.
     */
    @Override
    public AccessToken fetch(@CheckForNull Instant deadline) {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        if (!basicAuth) {
            form.add("client_id", credentials.clientId()).add("client_secret", credentials.clientSecret());
        }
        if (scope != null) {
            form.add("scope", scope);
        }
        ApiRequest request = new ApiRequest("get a token from " + tokenUrl.host() + " for client id '" + credentials.clientId() + "'",
                "POST", tokenUrl, form.build(), true, basicAuth ? Map.of("Authorization", basic(credentials)) : Map.of());
        return fetch(rest.withDeadline(deadline), request, clock);
    }

    /** Posts a prepared token request and reads the standard token response. Shared with assertion grants. */
    public static AccessToken fetch(RestClient rest, ApiRequest request, Clock clock) {
        Instant issued = clock.instant();
        TokenResponse r;
        try {
            r = rest.sendJson(request, TokenResponse.class);
        } catch (RemoteApiException e) {
            if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                throw new RemoteApiException(rest.system(), request.operation(), e.status(), e.correlationId(),
                        "the identity service refused the credentials" + (e.remoteMessage() == null ? "" : " (" + e.remoteMessage() + ")"),
                        null);
            }
            throw e;
        }
        if (r.accessToken == null || r.accessToken.isBlank()) {
            throw new MalformedResponseException(rest.system(), request.operation(),
                    "a token response with access_token", 200, null, r.error == null ? "no access_token" : "error " + r.error);
        }
        long lifetime = r.expiresIn == null || r.expiresIn <= 0 ? 300 : r.expiresIn;
        return new AccessToken(r.accessToken, issued, issued.plusSeconds(lifetime));
    }

    /** Decodes OAuth error bodies ({@code error}, {@code error_description}/{@code description}). */
    @CheckForNull
    public static String decodeOAuthError(int status, String body, ObjectMapper json) {
        try {
            JsonNode n = json.readTree(body == null ? "" : body);
            if (n == null || !n.isObject()) {
                return null;
            }
            String error = n.path("error").asText("");
            String description = n.has("error_description") ? n.path("error_description").asText("") : n.path("description").asText("");
            if (description.isBlank()) {
                description = n.path("message").asText("");
            }
            return (error + (description.isBlank() ? "" : ": " + description)).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String basic(ClientCredentials c) {
        String pair = c.clientId() + ":" + c.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The standard token response; unknown fields are ignored. */
    static final class TokenResponse {
        @JsonProperty("access_token")
        @CheckForNull
        String accessToken;
        @JsonProperty("token_type")
        @CheckForNull
        String tokenType;
        @JsonProperty("expires_in")
        @CheckForNull
        Long expiresIn;
        @JsonProperty("error")
        @CheckForNull
        String error;
    }
}
