package io.jenkins.plugins.iacjobs.core.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to run, system-neutral. Genesys: {@code target} is the accelerator (id or exact name) and
 * {@code params} its inputs. Terrakube: {@code target} is the template and {@code options} hold
 * {@code workspace}, {@code branch} and {@code approve}.
 *
 * @param deadline when the job's overall timeout ends, or null: submitting neither sends nor waits for a retry past it
 */
public record JobRequest(String target, Map<String, String> params, boolean planOnly, Map<String, String> options,
                         Instant deadline) {

    public JobRequest {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public JobRequest(String target, Map<String, String> params, boolean planOnly, Map<String, String> options) {
        this(target, params, planOnly, options, null);
    }

    public JobRequest withDeadline(Instant d) {
        return new JobRequest(target, params, planOnly, options, d);
    }

    public String option(String name) {
        return options.get(name);
    }
}
