package io.jenkins.plugins.iacjobs.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.plan.OnChanges;
import io.jenkins.plugins.iacjobs.core.plan.PlanExpectation;
import io.jenkins.plugins.iacjobs.core.terrakube.QueuePolicy;
import io.jenkins.plugins.iacjobs.remote.JobSpec;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The options {@code iacJob} and the "Run IaC job" builder share, declared once: both hold one of these and
 * delegate their data-bound setters to it, as credentials-binding's wrapper and step share one list of bindings.
 * Values are normalised here (trimmed, empty as null, {@code approve} in lower case).
 */
@Restricted(NoExternalUse.class)
public final class IacJobOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private String accelerator;
    private boolean planOnly;
    private String connection;
    private String credentialsId;
    private String timeout;
    private boolean failOnError = true;
    private boolean submitOnly;
    private String jobId;
    private String workspace;
    private String branch;
    private String approve;
    private String approvers;
    private boolean keepAnsi;
    private String onChanges;
    /** Stored negated, so a configuration saved before {@code checks} existed loads with checks on, as a new one. */
    private boolean skipChecks;
    private String checksName;
    private String queue;
    private String expectPlan;
    private boolean sensitiveOutputs;

    /**
     * The immutable snapshot a run takes: these options, with {@code expand} applied to the texts a freestyle build
     * may hold variables in (identity in Pipeline).
     *
     * @param target the Terrakube template when the step gives one; else the accelerator is the target
     */
    JobSpec spec(@CheckForNull String target, Map<String, String> params, UnaryOperator<String> expand, Set<String> sensitiveParams)
            throws AbortException {
        String t = target != null ? target : accelerator;
        if (t == null && jobId == null && workspace == null) {
            throw new AbortException(Messages.IacJobOptions_acceleratorOrJobId());
        }
        OnChanges policy;
        try {
            policy = OnChanges.parse("onChanges", onChanges);
            policy.requirePlanOnly("onChanges", "planOnly: true", planOnly);
        } catch (ValidationException e) {
            throw new AbortException(e.getMessage());
        }
        if (submitOnly && policy != OnChanges.IGNORE) {
            throw new AbortException(Messages.IacJobOptions_onChangesSubmitOnly(policy.word()));
        }
        String expected = null;
        try {
            if (expectPlan != null) {
                expected = PlanExpectation.parse("expectPlan", expectPlan).fingerprint();
            }
            QueuePolicy.parse(queue);
        } catch (ValidationException e) {
            throw new AbortException(e.getMessage());
        }
        if (expected != null) {
            String conflict = planOnly ? "planOnly" : submitOnly ? "submitOnly" : jobId != null ? "jobId" : null;
            if (conflict != null) {
                throw new AbortException(Messages.IacJobOptions_expectPlanWith(conflict));
            }
        }
        if (sensitiveOutputs && planOnly) {
            throw new AbortException(Messages.IacJobOptions_sensitiveOutputsPlanOnly());
        }
        return new JobSpec(connection, credentialsId, expand.apply(t), params, planOnly, timeout, failOnError, submitOnly,
                expand.apply(jobId), expand.apply(workspace), expand.apply(branch), approve, approvers, keepAnsi,
                policy.word(), !skipChecks, expand.apply(checksName), sensitiveParams, queue, expected, sensitiveOutputs);
    }

    /**
     * The parameters whose value holds a secret the build knows of, so they are masked wherever parameters are shown
     * (summary, {@code summary.md}, {@code build.xml}, the check), as the build log masks them.
     *
     * @param secretVariables the names of the variables that hold secrets ({@code withCredentials}, password parameters)
     */
    static Set<String> holdingSecrets(Map<String, String> params, EnvVars env, Set<String> secretVariables) {
        Set<String> secrets = new HashSet<>();
        for (String name : secretVariables) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        }
        Set<String> names = new TreeSet<>();
        params.forEach((k, v) -> {
            if (v != null && secrets.stream().anyMatch(v::contains)) {
                names.add(k);
            }
        });
        return names;
    }

    static @CheckForNull String text(@CheckForNull String value) {
        return Util.fixEmptyAndTrim(value);
    }

    public @CheckForNull String getAccelerator() {
        return accelerator;
    }

    public void setAccelerator(@CheckForNull String accelerator) {
        this.accelerator = text(accelerator);
    }

    public boolean isPlanOnly() {
        return planOnly;
    }

    public void setPlanOnly(boolean planOnly) {
        this.planOnly = planOnly;
    }

    public @CheckForNull String getConnection() {
        return connection;
    }

    public void setConnection(@CheckForNull String connection) {
        this.connection = text(connection);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = text(credentialsId);
    }

    /** A duration such as {@code 45m} or {@code 2h}; empty uses the connection's timeout. */
    public @CheckForNull String getTimeout() {
        return timeout;
    }

    public void setTimeout(@CheckForNull String timeout) {
        this.timeout = text(timeout);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public boolean isSubmitOnly() {
        return submitOnly;
    }

    public void setSubmitOnly(boolean submitOnly) {
        this.submitOnly = submitOnly;
    }

    public @CheckForNull String getJobId() {
        return jobId;
    }

    public void setJobId(@CheckForNull String jobId) {
        this.jobId = text(jobId);
    }

    /** Terrakube: the workspace's name or id. */
    public @CheckForNull String getWorkspace() {
        return workspace;
    }

    public void setWorkspace(@CheckForNull String workspace) {
        this.workspace = text(workspace);
    }

    /** Terrakube: the git branch to run instead of the workspace's. */
    public @CheckForNull String getBranch() {
        return branch;
    }

    public void setBranch(@CheckForNull String branch) {
        this.branch = text(branch);
    }

    /** Terrakube: at waitingApproval, {@code auto}, {@code never}, {@code input} or {@code wait} (the default when empty). */
    public @CheckForNull String getApprove() {
        return approve;
    }

    public void setApprove(@CheckForNull String approve) {
        String a = text(approve);
        this.approve = a == null ? null : a.toLowerCase(Locale.ROOT);
    }

    /** With {@code approve: 'input'}: the users or groups who may decide, comma-separated; empty: anyone with Build. */
    public @CheckForNull String getApprovers() {
        return approvers;
    }

    public void setApprovers(@CheckForNull String approvers) {
        this.approvers = text(approvers);
    }

    /** Keep the remote log's terminal colours in the build log (for the AnsiColor plugin) and as {@code log.ansi.txt}. */
    public boolean isKeepAnsi() {
        return keepAnsi;
    }

    public void setKeepAnsi(boolean keepAnsi) {
        this.keepAnsi = keepAnsi;
    }

    /** A drift check: what a plan-only run does when its plan has changes: {@code ignore} (empty), {@code unstable}, {@code fail}. */
    public @CheckForNull String getOnChanges() {
        return onChanges;
    }

    public void setOnChanges(@CheckForNull String onChanges) {
        String o = text(onChanges);
        this.onChanges = o == null ? null : o.toLowerCase(Locale.ROOT);
    }

    /** Publish the run as a check (a pull request's checks, through the Checks API plugin and a publisher such as GitHub's). */
    public boolean isChecks() {
        return !skipChecks;
    }

    public void setChecks(boolean checks) {
        this.skipChecks = !checks;
    }

    /** The check's name; empty for {@code IaC plan: <target>} (or {@code IaC apply: <target>}). */
    public @CheckForNull String getChecksName() {
        return checksName;
    }

    public void setChecksName(@CheckForNull String checksName) {
        this.checksName = text(checksName);
    }

    /** Terrakube: when the workspace already runs a job, {@code wait} behind it (the default when empty) or {@code fail}. */
    public @CheckForNull String getQueue() {
        return queue;
    }

    public void setQueue(@CheckForNull String queue) {
        String q = text(queue);
        this.queue = q == null ? null : q.toLowerCase(Locale.ROOT);
    }

    /**
     * Genesys apply: the fingerprint of the reviewed plan ({@code job.plan.fingerprint}); a dry run of the same inputs
     * must plan exactly that, or nothing is applied.
     */
    public @CheckForNull String getExpectPlan() {
        return expectPlan;
    }

    public void setExpectPlan(@CheckForNull String expectPlan) {
        this.expectPlan = text(expectPlan);
    }

    /** Terrakube apply: also return sensitive outputs' values in {@code job.outputs} (they are never written or shown). */
    public boolean isSensitiveOutputs() {
        return sensitiveOutputs;
    }

    public void setSensitiveOutputs(boolean sensitiveOutputs) {
        this.sensitiveOutputs = sensitiveOutputs;
    }
}
