package io.jenkins.plugins.iacjobs.sandbox.terrakube;

/**
 * A workspace and how Terraform behaves in it.
 *
 * @param behaviour what its plan and apply steps do
 */
public record SandboxWorkspace(String id, String name, String description, Behaviour behaviour) {

    /** What running Terraform in a workspace does. */
    public enum Behaviour {
        /** Plans find changes; every step succeeds. */
        CHANGES,
        /** The plan finds nothing to change: the job completes with {@code planChanges=false}, later steps not executed. */
        NO_CHANGES,
        /** The plan step fails. */
        PLAN_FAILS,
        /** The plan succeeds; the apply (or destroy) step fails. */
        APPLY_FAILS
    }
}
