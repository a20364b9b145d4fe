package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.CredentialCache;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorInputs;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorQuery;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorResolver;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysCredential;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.genesys.ParameterValidator;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Genesys Cloud Infrastructure as Code: a region or base URL, an OAuth client or a ready token, and one
 * {@link GenesysJobs} per connection and credential, built as the CLI builds it ({@link GenesysJobs#connect}), so the
 * watcher polls all of its jobs with one history call.
 */
@Restricted(NoExternalUse.class)
public final class GenesysSystem implements JobSystem {

    private static final CredentialCache<GenesysJobs> JOBS = new CredentialCache<>();

    private final String connection;
    private final GenesysEndpoints endpoints;
    private final PollSettings poll;
    private final Duration timeout;

    public GenesysSystem(@NonNull String connection, @NonNull GenesysEndpoints endpoints, @NonNull PollSettings poll,
                         @CheckForNull Duration timeout) {
        this.connection = connection;
        this.endpoints = endpoints;
        this.poll = poll;
        this.timeout = timeout;
    }

    @Override
    public @NonNull String connection() {
        return connection;
    }

    @Override
    public @NonNull String displayName() {
        return GenesysClient.SYSTEM;
    }

    @Override
    public @NonNull String credentialsUrl() {
        return endpoints.apiBase().toString();
    }

    @Override
    public @NonNull CredentialsMatcher credentialsMatcher() {
        return CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class));
    }

    @Override
    public @NonNull PollSettings poll() {
        return poll;
    }

    @Override
    public @CheckForNull Duration timeout() {
        return timeout;
    }

    @Override
    public @NonNull GenesysJobs jobs(@NonNull ResolvedCredentials credentials) {
        GenesysCredential credential = credential(credentials);
        return JOBS.get(connection + "|" + endpoints.apiBase(), credential.digest(),
                () -> GenesysJobs.connect(SharedClients.kit(), endpoints, credential));
    }

    /** The accelerator and its parameters; the Terrakube options mean nothing here and are refused by name. */
    @Override
    public @NonNull PreparedJob prepare(@NonNull JobSpec spec, @NonNull ResolvedCredentials credentials) {
        List<String> terrakubeOnly = new ArrayList<>();
        for (String[] option : new String[][] {{"workspace", spec.workspace()}, {"branch", spec.branch()}, {"approve", spec.approve()},
                {"approvers", spec.approvers()}, {"queue", spec.queue()}, {"sensitiveOutputs", spec.sensitiveOutputs() ? "true" : null}}) {
            if (option[1] != null) {
                terrakubeOnly.add(option[0]);
            }
        }
        if (!terrakubeOnly.isEmpty()) {
            throw new ValidationException(terrakubeOnly.get(0), Messages.Genesys_terrakubeOptions(String.join(", ", terrakubeOnly),
                    connection));
        }
        GenesysJobs jobs = jobs(credentials);
        if (spec.jobId() != null) {
            return new PreparedJob(jobs, null, null);
        }
        if (spec.target() == null) {
            throw new ValidationException("accelerator", Messages.Genesys_acceleratorOrJobId());
        }
        return new PreparedJob(jobs, new Submission<>(jobs, new GenesysJobRequest(spec.target(), spec.params(), spec.planOnly())
                .withSensitive(spec.sensitiveParams())), null);
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

    private GenesysClient client(ResolvedCredentials credentials) {
        return GenesysJobs.client(SharedClients.kit(), endpoints, credential(credentials));
    }

    private static GenesysCredential credential(ResolvedCredentials credentials) {
        if (credentials instanceof ResolvedCredentials.OAuthClient o) {
            return GenesysCredential.oauth(o.clientId(), o.clientSecret().getPlainText());
        }
        if (credentials instanceof ResolvedCredentials.Bearer b) {
            return GenesysCredential.token(b.token().getPlainText());
        }
        throw new ValidationException("credentialsId", Messages.System_notForSystem(credentials, GenesysClient.SYSTEM));
    }
}
