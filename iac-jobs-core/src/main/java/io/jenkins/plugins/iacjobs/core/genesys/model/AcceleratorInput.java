package io.jenkins.plugins.iacjobs.core.genesys.model;

import java.util.List;

/** Body of {@code POST /api/v2/infrastructureascode/jobs}. {@code dryRun} is the plan-only flag. */
public record AcceleratorInput(String acceleratorId, boolean dryRun, List<AcceleratorParameter> parameters) {
    public AcceleratorInput {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
