package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.util.Map;

/** Decides how each submitted job plays out; set one with {@link GenesysSandbox#setJobPlanner(JobPlanner)}. */
@FunctionalInterface
public interface JobPlanner {

    /**
     * @param acceleratorId a known accelerator (validated before the planner is asked)
     * @param parameters    the submitted parameters with defaults filled in, in specification order
     * @param dryRun        plan only
     * @param jobIndex      0 for the first job created by this sandbox, then 1, 2, …
     */
    JobPlan plan(String acceleratorId, Map<String, String> parameters, boolean dryRun, int jobIndex);
}
