package io.jenkins.plugins.iacjobs.core.genesys.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One accelerator input's description. {@code sensitive} is a string on the wire ("true"/"false"). */
public record MetadataProperty(String type, String description, String sensitive, String help,
                               @JsonProperty("default") String defaultValue,
                               @JsonProperty("enum") List<String> enumValues) {

    public boolean markedSensitive() {
        return sensitive != null && sensitive.strip().equalsIgnoreCase("true");
    }

    public List<String> allowedValues() {
        return enumValues == null ? List.of() : enumValues;
    }
}
