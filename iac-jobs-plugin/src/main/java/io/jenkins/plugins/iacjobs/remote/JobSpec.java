package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.plan.OnChanges;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What one {@code iacJob} or "Run IaC job" was asked to do: an immutable snapshot of the step's or builder's
 * options, taken once when the run starts, with freestyle variables already expanded. Each system turns it into its
 * own core request ({@link JobSystem#prepare}). It names credentials by id only; the run persists
 * {@link #withoutParamValues()}, as a parameter value may be sensitive and only the submission needs them.
 *
 * <p>A plain class rather than a record: it is saved with the running Pipeline by JBoss Marshalling, which sets
 * fields reflectively.
 */
@Restricted(NoExternalUse.class)
public final class JobSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String connection;
    private final String credentialsId;
    private final String target;
    private final LinkedHashMap<String, String> params;
    private final boolean planOnly;
    private final String timeout;
    private final boolean failOnError;
    private final boolean submitOnly;
    private final String jobId;
    private final String workspace;
    private final String branch;
    private final String approve;
    private final String approvers;
    private final boolean keepAnsi;
    /** {@code ignore}, {@code unstable} or {@code fail}, checked when the spec is made; null (older runs) is ignore. */
    private final String onChanges;
    /** Publish a check through the Checks API (older runs, persisted without it, publish none). */
    private final boolean checks;
    private final String checksName;
    /** Parameters that hold a secret the build knows of (names only): masked wherever parameters are shown. */
    private final TreeSet<String> sensitiveParams;
    /** Terrakube: {@code wait} or {@code fail} when the workspace runs a job already; null (older runs) is wait. */
    private final String queue;
    /** Genesys apply: the fingerprint of the reviewed plan, checked by a dry run before anything is applied; or null. */
    private final String expectPlan;
    /** Terrakube apply: return sensitive outputs' values too (never written or shown). */
    private final boolean sensitiveOutputs;

    /**
     * @param target   the Genesys accelerator or the Terrakube template (or older command), by name or id
     * @param timeout  a duration such as {@code 45m}; null uses the connection's
     * @param approve  Terrakube: auto, never, wait or input, as written; the system parses it once
     */
    public JobSpec(@CheckForNull String connection, @CheckForNull String credentialsId, @CheckForNull String target,
                   @CheckForNull Map<String, String> params, boolean planOnly, @CheckForNull String timeout, boolean failOnError,
                   boolean submitOnly, @CheckForNull String jobId, @CheckForNull String workspace, @CheckForNull String branch,
                   @CheckForNull String approve, @CheckForNull String approvers, boolean keepAnsi,
                   @CheckForNull String onChanges, boolean checks, @CheckForNull String checksName,
                   @CheckForNull Set<String> sensitiveParams, @CheckForNull String queue, @CheckForNull String expectPlan,
                   boolean sensitiveOutputs) {
        this.connection = connection;
        this.credentialsId = credentialsId;
        this.target = target;
        this.params = new LinkedHashMap<>(params == null ? Map.of() : params);
        this.planOnly = planOnly;
        this.timeout = timeout;
        this.failOnError = failOnError;
        this.submitOnly = submitOnly;
        this.jobId = jobId;
        this.workspace = workspace;
        this.branch = branch;
        this.approve = approve;
        this.approvers = approvers;
        this.keepAnsi = keepAnsi;
        this.onChanges = onChanges;
        this.checks = checks;
        this.checksName = checksName;
        this.sensitiveParams = new TreeSet<>(sensitiveParams == null ? Set.of() : sensitiveParams);
        this.queue = queue;
        this.expectPlan = expectPlan;
        this.sensitiveOutputs = sensitiveOutputs;
    }

    /** The same options with every parameter value dropped (names kept): what may be persisted. */
    public JobSpec withoutParamValues() {
        LinkedHashMap<String, String> names = new LinkedHashMap<>();
        params.keySet().forEach(k -> names.put(k, ""));
        return new JobSpec(connection, credentialsId, target, names, planOnly, timeout, failOnError, submitOnly, jobId, workspace,
                branch, approve, approvers, keepAnsi, onChanges, checks, checksName, sensitiveParams, queue, expectPlan, sensitiveOutputs);
    }

    /** The same options with these parameter values (a run that kept them sealed across a restart). */
    public JobSpec withParamValues(Map<String, String> values) {
        return new JobSpec(connection, credentialsId, target, values, planOnly, timeout, failOnError, submitOnly, jobId, workspace,
                branch, approve, approvers, keepAnsi, onChanges, checks, checksName, sensitiveParams, queue, expectPlan, sensitiveOutputs);
    }

    /** This run's {@code timeout}, else the connection's; null waits without limit. A bad value names the field. */
    public @CheckForNull Duration timeoutOr(@CheckForNull Duration connectionDefault) throws IacJobsException {
        return timeout == null ? connectionDefault : Durations.parseTimeout("timeout", timeout);
    }

    public @CheckForNull String connection() {
        return connection;
    }

    public @CheckForNull String credentialsId() {
        return credentialsId;
    }

    public @CheckForNull String target() {
        return target;
    }

    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    public boolean planOnly() {
        return planOnly;
    }

    public @CheckForNull String timeout() {
        return timeout;
    }

    public boolean failOnError() {
        return failOnError;
    }

    public boolean submitOnly() {
        return submitOnly;
    }

    public @CheckForNull String jobId() {
        return jobId;
    }

    public @CheckForNull String workspace() {
        return workspace;
    }

    public @CheckForNull String branch() {
        return branch;
    }

    public @CheckForNull String approve() {
        return approve;
    }

    public @CheckForNull String approvers() {
        return approvers;
    }

    public boolean keepAnsi() {
        return keepAnsi;
    }

    /** The drift policy for a plan-only run; {@code ignore} when not given. */
    public OnChanges onChanges() {
        return OnChanges.parse("onChanges", onChanges);
    }

    /** Parameters that hold a secret the build knows of: a Pipeline's {@code withCredentials} variable, a password parameter. */
    public Set<String> sensitiveParams() {
        return sensitiveParams == null ? Set.of() : Collections.unmodifiableSet(sensitiveParams); // null: persisted before
    }

    /** {@code wait} or {@code fail} as given, or null for wait; the Terrakube system parses it. */
    public @CheckForNull String queue() {
        return queue;
    }

    /** The reviewed plan's fingerprint, already checked for its form; null when the apply is not checked. */
    public @CheckForNull String expectPlan() {
        return expectPlan;
    }

    public boolean sensitiveOutputs() {
        return sensitiveOutputs;
    }

    public boolean checks() {
        return checks;
    }

    /** The check's name as the user gave it, or null for the default ({@code IaC plan: <target>}). */
    public @CheckForNull String checksName() {
        return checksName;
    }
}
