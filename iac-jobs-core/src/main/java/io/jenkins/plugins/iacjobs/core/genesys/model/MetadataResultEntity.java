package io.jenkins.plugins.iacjobs.core.genesys.model;

/** A resource an accelerator creates or changes. */
public record MetadataResultEntity(String type, String description, String visibility) {
}
