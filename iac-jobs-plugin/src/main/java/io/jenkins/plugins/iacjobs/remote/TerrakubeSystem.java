package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.CredentialCache;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.terrakube.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeConnection;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Template;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Workspace;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Terrakube: an API server URL and an organization, a personal access token, and one {@link TerrakubeJobs} per
 * connection settings and token, so what it learns (organization id, API generation) and which approval policy
 * each job was submitted with are shared by every build that uses them.
 */
@Restricted(NoExternalUse.class)
final class TerrakubeSystem extends RemoteSystem {

    private static final CredentialCache<TerrakubeJobs> JOBS = new CredentialCache<>();
    private static final List<String> OLDER_COMMANDS = List.of("plan", "apply", "destroy");

    TerrakubeSystem() {
        super(Systems.TERRAKUBE, true, true);
    }

    @Override
    public @NonNull String displayName() {
        return Messages.System_terrakube();
    }

    @Override
    public @NonNull CredentialsMatcher credentialsMatcher() {
        return CredentialsMatchers.instanceOf(StringCredentials.class);
    }

    @Override
    public void addApiGenerations(@NonNull ListBoxModel items) {
        items.add(Messages.Terrakube_apiDetect(), "");
        items.add(Messages.Terrakube_apiCurrent(), "current");
        items.add(Messages.Terrakube_apiOlder(), "older");
    }

    /** Checks the URL (HTTPS except on loopback) and the organization. */
    @Override
    public @NonNull RemoteTarget target(@NonNull ConnectionSettings c) {
        if (c.getBaseUrl() == null) {
            throw new ValidationException("baseUrl", Messages.Terrakube_urlRequired());
        }
        TerrakubeConnection tc = TerrakubeConnection.of(c.getBaseUrl(), c.getOrganization())
                .withApi(api(c.getApiGeneration()))
                .withPlanOnlyTemplate(c.getPlanOnlyTemplate());
        return new Target(this, c.getName(), c.getUiUrl() == null ? tc : tc.withUiUrl(c.getUiUrl()));
    }

    private static ApiGeneration api(String value) {
        if (value == null || value.isBlank()) {
            return ApiGeneration.DETECT;
        }
        try {
            return ApiGeneration.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("apiGeneration", "'" + value + "' is not a Terrakube API generation; use detect, current or older");
        }
    }

    private record Target(TerrakubeSystem system, String connection, TerrakubeConnection settings) implements RemoteTarget {

        @Override
        public @NonNull String credentialsUrl() {
            return settings.baseUrl().toString();
        }

        /** The shared instance, as a view whose jobs without a recorded policy (resumed after a restart) use {@code policy}. */
        @Override
        public @NonNull TerrakubeJobs jobs(@NonNull ResolvedCredentials credentials, @NonNull ApprovePolicy policy) {
            if (!(credentials instanceof ResolvedCredentials.Bearer token)) {
                throw new ValidationException("credentialsId", Messages.System_notForSystem(credentials, "Terrakube"));
            }
            TerrakubeJobs shared = JOBS.get(connection + "|" + settings, credentials.digest(), () -> TerrakubeJobs.create(
                    SharedClients.http(), SharedClients.json(), settings, TokenSource.fixed(token.token().getPlainText()), Clock.systemUTC()));
            return shared.withApprovePolicy(policy);
        }

        @Override
        public @NonNull String test(@NonNull ResolvedCredentials credentials) {
            return Messages.Terrakube_testOk(credentialsUrl(), jobs(credentials, ApprovePolicy.WAIT).workspaces().size());
        }

        /** The templates; older servers have none and run the commands plan, apply and destroy. */
        @Override
        public @NonNull List<String[]> targets(@NonNull ResolvedCredentials credentials) {
            List<String[]> out = new ArrayList<>();
            out.add(new String[] {"", Messages.Terrakube_planOnlyTemplate()});
            List<Template> templates = jobs(credentials, ApprovePolicy.WAIT).templates();
            if (templates.isEmpty()) {
                OLDER_COMMANDS.forEach(command -> out.add(new String[] {command, command}));
            }
            templates.forEach(t -> out.add(new String[] {t.name(), t.name()}));
            return out;
        }

        @Override
        public @NonNull List<String> workspaces(@NonNull ResolvedCredentials credentials) {
            return jobs(credentials, ApprovePolicy.WAIT).workspaces().stream().map(Workspace::name).toList();
        }

        @Override
        public void checkParameters(@NonNull ResolvedCredentials credentials, @NonNull String target, @NonNull Map<String, String> params) {
            if (!params.isEmpty()) {
                throw new ValidationException("parameters", Messages.Terrakube_noParameters());
            }
        }

        @Override
        public void decide(@NonNull ResolvedCredentials credentials, @NonNull String jobId, boolean approve) {
            TerrakubeJobs jobs = jobs(credentials, ApprovePolicy.INPUT);
            if (approve) {
                jobs.approve(jobId);
            } else {
                jobs.reject(jobId);
            }
        }
    }
}
