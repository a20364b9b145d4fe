package io.jenkins.plugins.iacjobs.core.genesys;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Genesys Cloud accelerator job: the accelerator (id or exact name), its inputs as strings, and {@code dryRun}.
 *
 * @param deadline  see {@link JobRequest#deadline()}
 * @param sensitive inputs to mask wherever they are shown, besides those the accelerator marks sensitive: those a
 *                  front end knows hold a secret (a Pipeline's {@code withCredentials} variable, a password parameter)
 */
public record GenesysJobRequest(String accelerator, Map<String, String> params, boolean planOnly, @CheckForNull Instant deadline,
                                Set<String> sensitive) implements JobRequest {

    public GenesysJobRequest {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        sensitive = sensitive == null ? Set.of() : Set.copyOf(sensitive);
    }

    public GenesysJobRequest(String accelerator, Map<String, String> params, boolean planOnly) {
        this(accelerator, params, planOnly, null, Set.of());
    }

    @Override
    public GenesysJobRequest withDeadline(@CheckForNull Instant d) {
        return new GenesysJobRequest(accelerator, params, planOnly, d, sensitive);
    }

    /** The same request with {@code names} masked too, wherever its inputs are shown. */
    public GenesysJobRequest withSensitive(Set<String> names) {
        return new GenesysJobRequest(accelerator, params, planOnly, deadline, names);
    }

    @Override
    public String canonical() {
        return "genesys\n" + accelerator + "\n" + planOnly + "\n" + new TreeMap<>(params);
    }

    @Override
    public GenesysJobRequest asPlanOnly() {
        return new GenesysJobRequest(accelerator, params, true, deadline, sensitive);
    }

    @Override
    public String planInputs() {
        StringBuilder b = new StringBuilder("genesys\n").append(accelerator.length()).append(':').append(accelerator).append('\n');
        // length-prefixed, so no value can pass for another split of names and values
        new TreeMap<>(params).forEach((k, v) -> b.append(k.length()).append(':').append(k).append('=')
                .append(v == null ? -1 : v.length()).append(':').append(v == null ? "" : v).append('\n'));
        return b.toString();
    }
}
