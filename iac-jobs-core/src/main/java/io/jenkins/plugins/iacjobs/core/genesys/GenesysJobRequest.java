package io.jenkins.plugins.iacjobs.core.genesys;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Genesys Cloud accelerator job: the accelerator (id or exact name), its inputs as strings, and {@code dryRun}.
 *
 * @param deadline see {@link JobRequest#deadline()}
 */
public record GenesysJobRequest(String accelerator, Map<String, String> params, boolean planOnly, @CheckForNull Instant deadline)
        implements JobRequest {

    public GenesysJobRequest {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public GenesysJobRequest(String accelerator, Map<String, String> params, boolean planOnly) {
        this(accelerator, params, planOnly, null);
    }

    @Override
    public GenesysJobRequest withDeadline(@CheckForNull Instant d) {
        return new GenesysJobRequest(accelerator, params, planOnly, d);
    }

    @Override
    public String canonical() {
        return "genesys\n" + accelerator + "\n" + planOnly + "\n" + new TreeMap<>(params);
    }
}
