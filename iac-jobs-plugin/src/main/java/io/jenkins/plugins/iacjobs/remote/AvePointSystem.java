package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.avepoint.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointAuth;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointCredentials;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.core.avepoint.CertificateLoader;
import io.jenkins.plugins.iacjobs.core.avepoint.JobQuery;
import io.jenkins.plugins.iacjobs.core.avepoint.JobType;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * AvePoint Cloud Backup for Dynamics 365: an identity service and a data centre, a client secret or a certificate,
 * tokens cached per credential. It has backup reports, not jobs: the job calls refuse by name.
 */
@Restricted(NoExternalUse.class)
public final class AvePointSystem extends RemoteSystem {

    AvePointSystem() {
        super(Systems.AVEPOINT, false, false);
    }

    @Override
    public @NonNull String displayName() {
        return Messages.System_avepoint();
    }

    @Override
    public @NonNull CredentialsMatcher credentialsMatcher() {
        return CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StandardCertificateCredentials.class));
    }

    @Override
    public void addApiGenerations(@NonNull ListBoxModel items) {
        items.add(Messages.AvePoint_apiCurrent(), "");
        items.add(Messages.AvePoint_apiLegacy(), "legacy");
    }

    /** The identity service (URL wins over name) and the data centre (code wins over the base URL). */
    @Override
    public @NonNull Target target(@NonNull ConnectionSettings c) {
        String dc = c.getDataCentre() != null ? c.getDataCentre() : c.getBaseUrl();
        if (dc == null) {
            throw new ValidationException("dataCentre", Messages.AvePoint_dataCentreOrBaseUrl());
        }
        String identity = c.getIdentityUrl() != null ? c.getIdentityUrl() : c.getIdentityService();
        return new Target(this, c.getName(), c.getClientId(), c.getApiGeneration(), AvePointEndpoints.of(identity, dc));
    }

    /** An AvePoint connection's place; {@link #client} is what the backup report reads with. */
    public record Target(AvePointSystem system, String connection, @CheckForNull String clientId, @CheckForNull String api,
                         AvePointEndpoints endpoints) implements RemoteTarget {

        @Override
        public @NonNull String credentialsUrl() {
            return endpoints.tokenUrl().toString();
        }

        /** Core's view of the credential. A certificate needs the app id, which only the connection knows. */
        private AvePointCredentials credentials(ResolvedCredentials credentials) {
            if (credentials instanceof ResolvedCredentials.OAuthClient o) {
                return AvePointCredentials.secret(o.clientId(), o.clientSecret().getPlainText());
            }
            if (credentials instanceof ResolvedCredentials.Certificate cert) {
                String id = Util.fixEmptyAndTrim(clientId);
                if (id == null) {
                    throw new ValidationException("clientId", Messages.AvePoint_clientIdForCertificate(connection));
                }
                return CertificateLoader.fromKeyStore(id, cert.keyStore(), cert.password().getPlainText().toCharArray());
            }
            throw new ValidationException("credentialsId", Messages.System_notForSystem(credentials, "AvePoint"));
        }

        public @NonNull AvePointClient client(@NonNull ResolvedCredentials credentials) {
            AvePointCredentials ac = credentials(credentials);
            return AvePointClient.create(SharedClients.http(), SharedClients.json(), AvePointAuth.tokenSource(SharedClients.tokens(),
                    SharedClients.http(), SharedClients.json(), endpoints, ac, Clock.systemUTC()), endpoints, ApiGeneration.parse(api));
        }

        @Override
        public @NonNull RemoteJobSystem jobs(@NonNull ResolvedCredentials credentials, @NonNull ApprovePolicy policy) {
            throw new ValidationException("connection", Messages.System_notAJobSystem(connection));
        }

        /** Signs in and counts the last day's jobs in one request. */
        @Override
        public @NonNull String test(@NonNull ResolvedCredentials credentials) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long n = client(credentials).countJobs(new JobQuery(JobType.ALL, now.minus(Duration.ofDays(1)), now, null, null, null, 1));
            return Messages.AvePoint_testOk(endpoints.apiBase().toString(), n < 0 ? "?" : String.valueOf(n));
        }

        @Override
        public @NonNull List<String[]> targets(@NonNull ResolvedCredentials credentials) {
            throw new ValidationException("connection", Messages.System_notAJobSystem(connection));
        }

        @Override
        public void checkParameters(@NonNull ResolvedCredentials credentials, @NonNull String target, @NonNull Map<String, String> params) {
            throw new ValidationException("connection", Messages.System_notAJobSystem(connection));
        }
    }
}
