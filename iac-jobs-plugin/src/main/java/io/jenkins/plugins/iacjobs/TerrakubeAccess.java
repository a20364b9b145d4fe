package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.CredentialCache;
import io.jenkins.plugins.iacjobs.core.auth.TokenSource;
import io.jenkins.plugins.iacjobs.core.terrakube.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeConnection;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import java.time.Clock;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The Jenkins side of building core's Terrakube client: the shared proxy-aware HTTP client, and one
 * {@link TerrakubeJobs} per connection settings and token, so what it learns (organization id, API generation)
 * and which approval policy each job was submitted with are shared by every build that uses them.
 */
@Restricted(NoExternalUse.class)
final class TerrakubeAccess {

    private static final CredentialCache<TerrakubeJobs> JOBS = new CredentialCache<>();

    private TerrakubeAccess() {
    }

    /** The connection as core sees it; checks the URL (HTTPS except on loopback) and the organization. */
    static @NonNull TerrakubeConnection connection(@NonNull Connection c) {
        if (c.getBaseUrl() == null) {
            throw new ValidationException("baseUrl", Messages.Connection_terrakubeUrlRequired());
        }
        TerrakubeConnection tc = TerrakubeConnection.of(c.getBaseUrl(), c.getOrganization())
                .withApi(api(c.getApiGeneration()))
                .withPlanOnlyTemplate(c.getPlanOnlyTemplate());
        return c.getUiUrl() == null ? tc : tc.withUiUrl(c.getUiUrl());
    }

    static ApiGeneration api(String value) {
        if (value == null || value.isBlank()) {
            return ApiGeneration.DETECT;
        }
        try {
            return ApiGeneration.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("apiGeneration", "'" + value + "' is not a Terrakube API generation; use detect, current or older");
        }
    }

    /**
     * The shared instance for this connection and token, as a view whose jobs without a recorded policy (resumed
     * after a restart) use {@code policy}.
     */
    static @NonNull TerrakubeJobs jobs(@NonNull Connection c, @NonNull ResolvedCredentials credentials,
                                       @NonNull ApprovePolicy policy) {
        if (!(credentials instanceof ResolvedCredentials.Bearer token)) {
            throw new ValidationException("credentialsId", Messages.Credentials_notForSystem(credentials, "Terrakube"));
        }
        TerrakubeConnection tc = connection(c);
        TerrakubeJobs shared = JOBS.get(c.getName() + "|" + tc, GenesysAccess.fingerprint(credentials), () -> TerrakubeJobs.create(GenesysAccess.http(), GenesysAccess.json(), tc,
                TokenSource.fixed(token.token().getPlainText()), Clock.systemUTC()));
        return shared.withApprovePolicy(policy);
    }

    /** How many workspaces the token sees in the organization; any failure is an {@code IacJobsException}. */
    static int testConnection(@NonNull Connection c, @NonNull ResolvedCredentials credentials) {
        return jobs(c, credentials, ApprovePolicy.WAIT).workspaces().size();
    }
}
