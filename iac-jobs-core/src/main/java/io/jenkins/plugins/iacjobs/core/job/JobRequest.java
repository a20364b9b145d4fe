package io.jenkins.plugins.iacjobs.core.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to run, system-neutral. Genesys: {@code target} is the accelerator (id or exact name) and
 * {@code params} its inputs. Terrakube: {@code target} is the template and {@code options} hold
 * {@code workspace}, {@code branch} and {@code approve}.
 */
public record JobRequest(String target, Map<String, String> params, boolean planOnly, Map<String, String> options) {

    public JobRequest {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public String option(String name) {
        return options.get(name);
    }
}
