package io.jenkins.plugins.iacjobs.core.genesys.model;

/** A pointer to an accelerator's documentation. */
public record MetadataDocumentation(String description, String location) {
}
