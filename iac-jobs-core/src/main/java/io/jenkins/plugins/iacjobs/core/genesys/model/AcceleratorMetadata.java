package io.jenkins.plugins.iacjobs.core.genesys.model;

import java.util.List;

/** An accelerator as listed. {@code origin} and {@code type} are capitalised in responses (Genesys, Accelerator). */
public record AcceleratorMetadata(String id, String name, String description, String origin, String type,
                                  String classification, List<String> tags, String selfUri) {
}
