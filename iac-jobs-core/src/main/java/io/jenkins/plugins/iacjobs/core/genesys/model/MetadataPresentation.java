package io.jenkins.plugins.iacjobs.core.genesys.model;

/** A page of inputs to gather. */
public record MetadataPresentation(String title, MetadataSchema schema) {
}
