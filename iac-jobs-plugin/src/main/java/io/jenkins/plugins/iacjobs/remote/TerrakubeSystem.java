package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.CredentialCache;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.QueuePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeClient;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobRequest;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeServer;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Template;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Workspace;
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
 * Terrakube: an API server and an organization, a personal access token or team token, and one {@link TerrakubeJobs}
 * per connection and token, so what it learns (the organization's id, the API generation) and the approval policy
 * each job was submitted with are shared by every build that uses them. Its jobs run in workspaces and may wait for
 * a person's approval.
 */
@Restricted(NoExternalUse.class)
public final class TerrakubeSystem implements JobSystem, Workspaces, ApprovalDecisions {

    private static final CredentialCache<TerrakubeJobs> JOBS = new CredentialCache<>();
    private static final List<String> OLDER_COMMANDS = List.of("plan", "apply", "destroy");

    private final String connection;
    private final TerrakubeServer server;
    private final PollSettings poll;
    private final Duration timeout;

    public TerrakubeSystem(@NonNull String connection, @NonNull TerrakubeServer server, @NonNull PollSettings poll,
                           @CheckForNull Duration timeout) {
        this.connection = connection;
        this.server = server;
        this.poll = poll;
        this.timeout = timeout;
    }

    @Override
    public @NonNull String connection() {
        return connection;
    }

    @Override
    public @NonNull String displayName() {
        return TerrakubeClient.SYSTEM;
    }

    @Override
    public @NonNull String credentialsUrl() {
        return server.baseUrl().toString();
    }

    @Override
    public @NonNull CredentialsMatcher credentialsMatcher() {
        return CredentialsMatchers.instanceOf(StringCredentials.class);
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
    public @NonNull TerrakubeJobs jobs(@NonNull ResolvedCredentials credentials) {
        if (!(credentials instanceof ResolvedCredentials.Bearer token)) {
            throw new ValidationException("credentialsId", Messages.System_notForSystem(credentials, TerrakubeClient.SYSTEM));
        }
        return JOBS.get(connection + "|" + server, credentials.digest(),
                () -> TerrakubeJobs.connect(SharedClients.kit(), server, token.token().getPlainText()));
    }

    /**
     * Workspace, template (or the plan-only one), branch and the approval policy, parsed here once. Terrakube's job
     * API takes no variables, so parameters are refused by name. With {@code approve: 'input'} a person decides on
     * the build page, through this system.
     */
    @Override
    public @NonNull PreparedJob prepare(@NonNull JobSpec spec, @NonNull ResolvedCredentials credentials) {
        if (!spec.params().isEmpty()) {
            throw new ValidationException("params", Messages.Terrakube_noParameters(String.join(", ", spec.params().keySet())));
        }
        if (spec.expectPlan() != null) {
            throw new ValidationException("expectPlan", Messages.Terrakube_noExpectPlan());
        }
        ApprovePolicy approve = ApprovePolicy.parse(spec.approve());
        // Jobs resumed after a restart, or given by id, whose policy this process never saw, wait as this run asked.
        TerrakubeJobs jobs = jobs(credentials).withApprovePolicy(approve);
        ApprovalDecisions decisions = approve == ApprovePolicy.INPUT ? this : null;
        if (spec.jobId() != null) {
            return new PreparedJob(jobs, null, decisions);
        }
        TerrakubeJobRequest request = new TerrakubeJobRequest(spec.workspace(), spec.target(), spec.planOnly(), spec.branch(), approve)
                .withQueue(QueuePolicy.parse(spec.queue()));
        return new PreparedJob(jobs, new Submission<>(jobs, request), decisions);
    }

    @Override
    public @NonNull String test(@NonNull ResolvedCredentials credentials) {
        return Messages.Terrakube_testOk(credentialsUrl(), jobs(credentials).workspaces().size());
    }

    /** The templates; older servers have none and run the commands plan, apply and destroy. */
    @Override
    public @NonNull List<String[]> targets(@NonNull ResolvedCredentials credentials) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"", Messages.Terrakube_planOnlyTemplate()});
        List<Template> templates = jobs(credentials).templates();
        if (templates.isEmpty()) {
            OLDER_COMMANDS.forEach(command -> out.add(new String[] {command, command}));
        }
        templates.forEach(t -> out.add(new String[] {t.name(), t.name()}));
        return out;
    }

    @Override
    public @NonNull List<String> workspaces(@NonNull ResolvedCredentials credentials) {
        return jobs(credentials).workspaces().stream().map(Workspace::name).toList();
    }

    @Override
    public void checkParameters(@NonNull ResolvedCredentials credentials, @NonNull String target, @NonNull Map<String, String> params) {
        if (!params.isEmpty()) {
            throw new ValidationException("parameters", Messages.Terrakube_noParameters(String.join(", ", params.keySet())));
        }
    }

    @Override
    public void decide(@NonNull ResolvedCredentials credentials, @NonNull String jobId, boolean approve) {
        TerrakubeJobs jobs = jobs(credentials);
        if (approve) {
            jobs.approve(jobId);
        } else {
            jobs.reject(jobId);
        }
    }
}
