package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
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
 */
@Restricted(NoExternalUse.class)
record IacJobRequest(
        @CheckForNull String connection,
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
        @CheckForNull String approve) implements Serializable {

    private static final long serialVersionUID = 1L;

    IacJobRequest {
        params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
    }

    /** The same request with every parameter value dropped (names kept), safe to persist. */
    IacJobRequest withoutParamValues() {
        LinkedHashMap<String, String> names = new LinkedHashMap<>();
        params.keySet().forEach(k -> names.put(k, ""));
        return new IacJobRequest(connection, accelerator, names, planOnly, credentialsId, timeout, failOnError, submitOnly, jobId,
                workspace, branch, approve);
    }

    /** Whether any Terrakube-only option is set, so a Genesys connection can refuse them by name. */
    boolean hasTerrakubeOptions() {
        return workspace != null || branch != null || approve != null;
    }

    Map<String, String> paramsView() {
        return java.util.Collections.unmodifiableMap(params);
    }
}
