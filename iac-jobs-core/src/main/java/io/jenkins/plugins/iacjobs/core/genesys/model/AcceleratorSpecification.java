package io.jenkins.plugins.iacjobs.core.genesys.model;

import java.util.List;

/** An accelerator with its inputs ({@code presentation}) and what it creates ({@code results}). */
public record AcceleratorSpecification(String id, String name, String description, String origin, String type,
                                       String classification, List<String> tags, String selfUri,
                                       List<String> permissions, List<String> products,
                                       List<MetadataDocumentation> documentation,
                                       List<MetadataPresentation> presentation, MetadataResults results) {
    public AcceleratorSpecification {
        presentation = presentation == null ? List.of() : presentation;
    }
}
