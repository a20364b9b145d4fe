package io.jenkins.plugins.iacjobs.core.genesys.model;

import java.util.List;

/** One page of accelerators. */
public record AcceleratorList(List<AcceleratorMetadata> entities, Integer pageSize, Integer pageNumber, Long total,
                              String firstUri, String nextUri, String previousUri, String lastUri, String selfUri,
                              Integer pageCount) {
    public AcceleratorList {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
