package io.jenkins.plugins.iacjobs.core.genesys.model;

import java.util.List;

/** The resources an accelerator creates. */
public record MetadataResults(List<MetadataResultEntity> entities) {
}
