package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.auth.AccessToken;
import io.jenkins.plugins.iacjobs.core.auth.CachedTokenSource;
import io.jenkins.plugins.iacjobs.core.auth.OAuthClientCredentialsGrant;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Token sources for AvePoint Online Services: secret or certificate, cached and refreshed before expiry. */
public final class AvePointAuth {
    /**
     * The only scope requested. AvePoint's January 2025 hotfix notes say {@code Dynamics.ReadWrite.All} does not
     * work together with other scopes, so it is always asked for alone.
     */
    public static final String SCOPE = "dynamics.readwrite.all";

    private AvePointAuth() {
    }

    /** A caching token source for one credential. */
    public static TokenSource tokenSource(OkHttpClient http, ObjectMapper json, AvePointEndpoints endpoints,
                                          AvePointCredentials credentials, Clock clock) {
        return new CachedTokenSource(grant(http, json, endpoints, credentials, clock), clock);
    }

    /** The shared token source for this credential from {@code registry}, created on first use. */
    public static TokenSource tokenSource(TokenSourceRegistry registry, OkHttpClient http, ObjectMapper json,
                                          AvePointEndpoints endpoints, AvePointCredentials credentials, Clock clock) {
        return registry.get(endpoints.tokenUrl().toString(), credentials.clientId(), credentials.cacheKey(),
                () -> tokenSource(http, json, endpoints, credentials, clock));
    }

    /** One token request per call, uncached: for "Test connection". */
    public static Supplier<AccessToken> grant(OkHttpClient http, ObjectMapper json, AvePointEndpoints endpoints,
                                              AvePointCredentials credentials, Clock clock) {
        RestClient rest = RestClient.create(http, json, null, AvePointClient.IDENTITY_SYSTEM, AvePointErrors.INSTANCE);
        Supplier<AccessToken> grant = credentials instanceof AvePointCredentials.Secret s
                ? OAuthClientCredentialsGrant.formSecret(rest, endpoints.tokenUrl(), s.credentials(), SCOPE, clock)
                : new ClientAssertionGrant(rest, endpoints.tokenUrl(), (AvePointCredentials.Certificate) credentials, SCOPE, clock);
        return () -> {
            try {
                return grant.get();
            } catch (RemoteApiException e) {
                if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                    throw new IdentityRefusedException(credentials.clientId(), e);
                }
                throw e;
            }
        };
    }
}
