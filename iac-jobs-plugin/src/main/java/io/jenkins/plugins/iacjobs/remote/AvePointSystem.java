package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.avepoint.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointCredentials;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.core.avepoint.CertificateLoader;
import io.jenkins.plugins.iacjobs.core.avepoint.JobQuery;
import io.jenkins.plugins.iacjobs.core.avepoint.JobType;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * AvePoint Cloud Backup for Dynamics 365: an identity service and a data centre, a client secret or a certificate,
 * tokens cached per credential. It has backup reports, not jobs.
 */
@Restricted(NoExternalUse.class)
public final class AvePointSystem implements ReportSystem {

    private final String connection;
    private final AvePointEndpoints endpoints;
    private final String clientId;
    private final ApiGeneration api;

    /** @param clientId the app id a certificate credential signs in as; username/password credentials carry their own */
    public AvePointSystem(@NonNull String connection, @NonNull AvePointEndpoints endpoints, @CheckForNull String clientId,
                          @NonNull ApiGeneration api) {
        this.connection = connection;
        this.endpoints = endpoints;
        this.clientId = clientId;
        this.api = api;
    }

    @Override
    public @NonNull String connection() {
        return connection;
    }

    @Override
    public @NonNull String displayName() {
        return AvePointClient.SYSTEM;
    }

    @Override
    public @NonNull String credentialsUrl() {
        return endpoints.tokenUrl().toString();
    }

    public @NonNull AvePointEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public @NonNull CredentialsMatcher credentialsMatcher() {
        return CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StandardCertificateCredentials.class));
    }

    @Override
    public @NonNull AvePointClient client(@NonNull ResolvedCredentials credentials) {
        return AvePointClient.connect(SharedClients.kit(), endpoints, credentials(credentials), api);
    }

    /** Signs in and counts the last day's jobs in one request. */
    @Override
    public @NonNull String test(@NonNull ResolvedCredentials credentials) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long n = client(credentials).countJobs(new JobQuery(JobType.ALL, now.minus(Duration.ofDays(1)), now, null, null, null, 1));
        return Messages.AvePoint_testOk(endpoints.apiBase().toString(), n < 0 ? "?" : String.valueOf(n));
    }

    /** Core's view of the credential. A certificate needs the app id, which only the connection knows. */
    private AvePointCredentials credentials(ResolvedCredentials credentials) {
        if (credentials instanceof ResolvedCredentials.OAuthClient o) {
            return AvePointCredentials.secret(o.clientId(), o.clientSecret().getPlainText());
        }
        if (credentials instanceof ResolvedCredentials.Certificate cert) {
            if (clientId == null) {
                throw new ValidationException("clientId", Messages.AvePoint_clientIdForCertificate(connection));
            }
            return CertificateLoader.fromKeyStore(clientId, cert.keyStore(), cert.password().getPlainText().toCharArray());
        }
        throw new ValidationException("credentialsId", Messages.System_notForSystem(credentials, AvePointClient.SYSTEM));
    }
}
