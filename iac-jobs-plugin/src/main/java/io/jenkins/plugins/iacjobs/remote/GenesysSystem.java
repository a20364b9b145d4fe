package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.CredentialCache;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorInputs;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorQuery;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorResolver;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.genesys.ParameterValidator;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Genesys Cloud Infrastructure as Code: a region or a base URL, OAuth client credentials or a ready token, and one
 * {@link GenesysJobs} per connection and credential, so the watcher polls all of their jobs with one history call.
 */
@Restricted(NoExternalUse.class)
final class GenesysSystem extends RemoteSystem {

    private static final CredentialCache<RemoteJobSystem> JOBS = new CredentialCache<>();

    GenesysSystem() {
        super(Systems.GENESYS, true, false);
    }

    @Override
    public @NonNull String displayName() {
        return Messages.System_genesys();
    }

    @Override
    public @NonNull CredentialsMatcher credentialsMatcher() {
        return CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class));
    }

    @Override
    public void addApiGenerations(@NonNull ListBoxModel items) {
        items.add(Messages.Genesys_apiNone(), "");
    }

    @Override
    public @NonNull RemoteTarget target(@NonNull ConnectionSettings c) {
        if (c.getRegion() == null && c.getBaseUrl() == null) {
            throw new ValidationException("baseUrl", Messages.Genesys_regionOrBaseUrl());
        }
        return new Target(this, c.getName(), GenesysEndpoints.of(c.getRegion(), c.getBaseUrl()));
    }

    private record Target(GenesysSystem system, String connection, GenesysEndpoints endpoints) implements RemoteTarget {

        @Override
        public @NonNull String credentialsUrl() {
            return endpoints.apiBase().toString();
        }

        private GenesysClient client(ResolvedCredentials credentials) {
            return client(credentials, credentials.digest());
        }

        /** @param digest the credential's digest, made once per call: it keys both the job client and the token cache */
        private GenesysClient client(ResolvedCredentials credentials, String digest) {
            if (credentials instanceof ResolvedCredentials.Bearer b) {
                return GenesysClient.create(SharedClients.http(), SharedClients.json(), TokenSource.fixed(b.token().getPlainText()), endpoints);
            }
            if (!(credentials instanceof ResolvedCredentials.OAuthClient o)) {
                throw new ValidationException("credentialsId", Messages.System_notForSystem(credentials, "Genesys Cloud"));
            }
            return GenesysJobs.connect(SharedClients.http(), SharedClients.json(), endpoints,
                    new ClientCredentials(o.clientId(), o.clientSecret().getPlainText()), digest, SharedClients.tokens(), Clock.systemUTC());
        }

        @Override
        public @NonNull RemoteJobSystem jobs(@NonNull ResolvedCredentials credentials, @NonNull ApprovePolicy policy) {
            String scope = connection + "|" + endpoints.apiBase();
            String digest = credentials.digest();
            return JOBS.get(scope, digest, () -> GenesysJobs.create(client(credentials, digest), scope + "|" + digest.substring(0, 16), Clock.systemUTC()));
        }

        @Override
        public @NonNull String test(@NonNull ResolvedCredentials credentials) {
            var page = client(credentials).listAccelerators(AcceleratorQuery.all());
            return Messages.Genesys_testOk(credentialsUrl(), page.entities() == null ? 0 : page.entities().size());
        }

        @Override
        public @NonNull List<String[]> targets(@NonNull ResolvedCredentials credentials) {
            return client(credentials).listAllAccelerators(AcceleratorQuery.all()).stream()
                    .map(a -> new String[] {a.name(), a.name() + " (" + a.type() + ", " + a.origin() + ")"}).toList();
        }

        @Override
        public void checkParameters(@NonNull ResolvedCredentials credentials, @NonNull String target, @NonNull Map<String, String> params) {
            var spec = new AcceleratorResolver(client(credentials)).resolve(target);
            ParameterValidator.validate(spec.name(), AcceleratorInputs.of(spec), params);
        }
    }
}
