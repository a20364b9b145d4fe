package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the step or builder was asked to do, as plain serialisable values. Persisted with the step execution,
 * so it names credentials by id only. Parameter values are kept because a resumed step may still need to
 * validate them; sensitive ones belong in credentials-bound variables (see the user guide).
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
        @CheckForNull String jobId) implements Serializable {

    private static final long serialVersionUID = 1L;

    IacJobRequest {
        params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
    }

    Map<String, String> paramsView() {
        return java.util.Collections.unmodifiableMap(params);
    }
}
