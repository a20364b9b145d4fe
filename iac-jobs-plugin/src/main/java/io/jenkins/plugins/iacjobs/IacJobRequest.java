package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobRequest;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.remote.ConnectionSettings;
import java.time.Duration;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the step or builder was asked to do, as plain serialisable values. It names credentials by id only.
 * {@code accelerator} is the target: a Genesys accelerator, or a Terrakube template ({@code template} in the step).
 * {@code workspace}, {@code branch} and {@code approve} are Terrakube's.
 * The step execution persists {@link #withoutParamValues()}: parameter values are needed only to submit, and
 * one of them may be sensitive.
 *
 * <p>A plain class rather than a record: it is saved with the running Pipeline by JBoss Marshalling, which sets
 * fields reflectively, and a record's fields cannot be set that way.
 */
@Restricted(NoExternalUse.class)
final class IacJobRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String connection;
    private final String accelerator;
    private final LinkedHashMap<String, String> params;
    private final boolean planOnly;
    private final String credentialsId;
    private final String timeout;
    private final boolean failOnError;
    private final boolean submitOnly;
    private final String jobId;
    private final String workspace;
    private final String branch;
    private final String approve;
    /** Keep the remote log's terminal colours in the build log and as {@code log.ansi.txt}. */
    private boolean keepAnsi;
    /** With {@code approve: 'input'}: who may decide (user or group names, comma-separated); null: anyone with Build. */
    private String approvers;

    IacJobRequest(@CheckForNull String connection,
                  @CheckForNull String accelerator,
                  LinkedHashMap<String, String> params,
                  boolean planOnly,
                  @CheckForNull String credentialsId,
                  @CheckForNull String timeout,
                  boolean failOnError,
                  boolean submitOnly,
                  @CheckForNull String jobId,
                  @CheckForNull String workspace,
                  @CheckForNull String branch,
                  @CheckForNull String approve) {
        this.connection = connection;
        this.accelerator = accelerator;
        this.params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
        this.planOnly = planOnly;
        this.credentialsId = credentialsId;
        this.timeout = timeout;
        this.failOnError = failOnError;
        this.submitOnly = submitOnly;
        this.jobId = jobId;
        this.workspace = workspace;
        this.branch = branch;
        this.approve = approve;
    }

    /** The same request with every parameter value dropped (names kept), safe to persist. */
    IacJobRequest withoutParamValues() {
        LinkedHashMap<String, String> names = new LinkedHashMap<>();
        params.keySet().forEach(k -> names.put(k, ""));
        return new IacJobRequest(connection, accelerator, names, planOnly, credentialsId, timeout, failOnError, submitOnly, jobId,
                workspace, branch, approve).withKeepAnsi(keepAnsi).withApprovers(approvers);
    }

    IacJobRequest withApprovers(@CheckForNull String names) {
        approvers = names;
        return this;
    }

    @CheckForNull
    String approvers() {
        return approvers;
    }

    IacJobRequest withKeepAnsi(boolean keep) {
        keepAnsi = keep;
        return this;
    }

    boolean keepAnsi() {
        return keepAnsi;
    }

    /** Whether any Terrakube-only option is set, so a Genesys connection can refuse them by name. */
    boolean hasTerrakubeOptions() {
        return workspace != null || branch != null || approve != null || approvers != null;
    }

    /** Terrakube's options by the names core reads them: workspace, branch and approve. */
    Map<String, String> terrakubeOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        if (workspace != null) {
            options.put(TerrakubeJobRequest.WORKSPACE, workspace);
        }
        if (branch != null) {
            options.put(TerrakubeJobRequest.BRANCH, branch);
        }
        if (approve != null) {
            options.put(TerrakubeJobRequest.APPROVE, approve);
        }
        return options;
    }

    /** This request's {@code timeout}, else the connection's; null waits without limit. A bad value names the field. */
    @CheckForNull
    Duration timeout(ConnectionSettings c) throws AbortException {
        String t = Util.fixEmptyAndTrim(timeout);
        if (t == null) {
            return c.getTimeoutMinutes() == 0 ? null : Duration.ofMinutes(c.getTimeoutMinutes());
        }
        try {
            return Durations.parseTimeout("timeout", t);
        } catch (IacJobsException e) {
            throw new AbortException(e.getMessage());
        }
    }

    Map<String, String> paramsView() {
        return Collections.unmodifiableMap(params);
    }

    LinkedHashMap<String, String> params() {
        return new LinkedHashMap<>(params);
    }

    @CheckForNull
    String connection() {
        return connection;
    }

    @CheckForNull
    String accelerator() {
        return accelerator;
    }

    boolean planOnly() {
        return planOnly;
    }

    @CheckForNull
    String credentialsId() {
        return credentialsId;
    }

    @CheckForNull
    String timeout() {
        return timeout;
    }

    boolean failOnError() {
        return failOnError;
    }

    boolean submitOnly() {
        return submitOnly;
    }

    @CheckForNull
    String jobId() {
        return jobId;
    }

    @CheckForNull
    String workspace() {
        return workspace;
    }

    @CheckForNull
    String branch() {
        return branch;
    }

    @CheckForNull
    String approve() {
        return approve;
    }
}
