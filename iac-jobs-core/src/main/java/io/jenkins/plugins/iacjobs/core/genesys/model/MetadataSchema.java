package io.jenkins.plugins.iacjobs.core.genesys.model;

import java.util.List;
import java.util.Map;

/** The inputs of one presentation page. {@code properties} is an array of single-entry maps, not a JSON Schema object. */
public record MetadataSchema(String title, String description, String type, List<Map<String, MetadataProperty>> properties,
                             List<String> required) {
    public MetadataSchema {
        properties = properties == null ? List.of() : properties;
        required = required == null ? List.of() : required;
    }
}
