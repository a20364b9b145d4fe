package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.avepoint.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointAuth;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointCredentials;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.core.avepoint.CertificateLoader;
import io.jenkins.plugins.iacjobs.core.avepoint.JobQuery;
import io.jenkins.plugins.iacjobs.core.avepoint.JobType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The Jenkins side of building core's AvePoint client: endpoints from the connection, credentials from a
 * username/password (client id and secret) or certificate credential, tokens cached per credential.
 */
@Restricted(NoExternalUse.class)
final class AvePointAccess {

    private AvePointAccess() {
    }

    /** The identity service (URL wins over name) and the data centre (code wins over the base URL). */
    static @NonNull AvePointEndpoints endpoints(@NonNull Connection c) {
        String identity = c.getIdentityUrl() != null ? c.getIdentityUrl() : c.getIdentityService();
        String dc = c.getDataCentre() != null ? c.getDataCentre() : c.getBaseUrl();
        return AvePointEndpoints.of(identity, dc);
    }

    /** Core's view of the credential. A certificate needs the app id, which only the connection knows. */
    static @NonNull AvePointCredentials credentials(@NonNull Connection c, @NonNull ResolvedCredentials credentials) {
        if (credentials instanceof ResolvedCredentials.OAuthClient o) {
            return AvePointCredentials.secret(o.clientId(), o.clientSecret().getPlainText());
        }
        if (credentials instanceof ResolvedCredentials.Certificate cert) {
            String clientId = Util.fixEmptyAndTrim(c.getClientId());
            if (clientId == null) {
                throw new ValidationException("clientId", Messages.AvePoint_clientIdForCertificate(c.getName()));
            }
            String pw = cert.password().getPlainText();
            return CertificateLoader.fromKeyStore(clientId, cert.keyStore(), pw.toCharArray());
        }
        throw new ValidationException("credentialsId", Messages.Credentials_notForSystem(credentials, "AvePoint"));
    }

    static @NonNull AvePointClient client(@NonNull Connection c, @NonNull ResolvedCredentials credentials) {
        AvePointEndpoints e = endpoints(c);
        AvePointCredentials ac = credentials(c, credentials);
        return AvePointClient.create(GenesysAccess.http(), GenesysAccess.json(),
                AvePointAuth.tokenSource(GenesysAccess.tokens(), GenesysAccess.http(), GenesysAccess.json(), e, ac, Clock.systemUTC()),
                e, ApiGeneration.parse(c.getApiGeneration()));
    }

    /** Signs in and counts the last day's jobs in one request; -1 when the server does not say. */
    static long testConnection(@NonNull Connection c, @NonNull ResolvedCredentials credentials) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return client(c, credentials).countJobs(new JobQuery(JobType.ALL, now.minus(Duration.ofDays(1)), now, null, null, null, 1));
    }
}
