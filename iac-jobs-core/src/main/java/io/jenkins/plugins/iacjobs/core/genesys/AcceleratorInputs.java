package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorSpecification;
import io.jenkins.plugins.iacjobs.core.genesys.model.MetadataPresentation;
import io.jenkins.plugins.iacjobs.core.genesys.model.MetadataProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An accelerator's inputs, flattened from {@code presentation[].schema.properties} (an array of single-entry maps)
 * and the schemas' {@code required} lists.
 */
public record AcceleratorInputs(Map<String, MetadataProperty> properties, Set<String> required) {

    public static AcceleratorInputs of(AcceleratorSpecification spec) {
        Map<String, MetadataProperty> props = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (MetadataPresentation p : spec.presentation()) {
            if (p == null || p.schema() == null) {
                continue;
            }
            for (Map<String, MetadataProperty> entry : p.schema().properties()) {
                if (entry != null) {
                    entry.forEach((name, prop) -> props.put(name, prop == null ? new MetadataProperty(null, null, null, null, null, null) : prop));
                }
            }
            required.addAll(p.schema().required());
        }
        return new AcceleratorInputs(Collections.unmodifiableMap(props), Collections.unmodifiableSet(required));
    }

    /** Names whose values must never be shown. */
    public Set<String> sensitiveNames() {
        Set<String> s = new LinkedHashSet<>();
        properties.forEach((name, p) -> {
            if (p.markedSensitive()) {
                s.add(name);
            }
        });
        return s;
    }
}
