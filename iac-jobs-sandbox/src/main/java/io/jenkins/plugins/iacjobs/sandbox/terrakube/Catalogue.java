package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The organization, workspaces and templates the stand-in serves. Ids are stable across runs. */
final class Catalogue {
    static final String ORGANIZATION = "sandbox-org";
    static final String APPROVAL_TEAM = "TERRAFORM_CLI";

    final String organizationId = uuid("organization:" + ORGANIZATION);
    final List<SandboxWorkspace> workspaces = List.of(
            workspace("sandbox-workspace", "Plans find changes; every step succeeds", SandboxWorkspace.Behaviour.CHANGES),
            workspace("staging", "A second workspace that behaves like sandbox-workspace", SandboxWorkspace.Behaviour.CHANGES),
            workspace("no-changes", "Plans find nothing to change", SandboxWorkspace.Behaviour.NO_CHANGES),
            workspace("broken-plan", "The plan step fails", SandboxWorkspace.Behaviour.PLAN_FAILS),
            workspace("broken-apply", "The plan succeeds and the apply step fails", SandboxWorkspace.Behaviour.APPLY_FAILS));
    final List<SandboxTemplate> templates = List.of(
            template("Plan", "terraform plan only", new Flow("terraformPlan", "Plan", 100, null)),
            template("Plan and apply", "plan, wait for approval, apply",
                    new Flow("terraformPlan", "Plan", 100, null),
                    new Flow("approval", "Approve", 150, APPROVAL_TEAM),
                    new Flow("terraformApply", "Apply", 200, null)),
            template("Plan and apply without approval", "plan, then apply at once",
                    new Flow("terraformPlan", "Plan", 100, null),
                    new Flow("terraformApply", "Apply", 200, null)),
            template("Destroy", "terraform destroy", new Flow("terraformDestroy", "Destroy", 100, null)));

    Optional<SandboxWorkspace> workspace(String id) {
        return workspaces.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    Optional<SandboxTemplate> template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The older API's commands as flows. */
    static List<Flow> commandFlows(String command) {
        return switch (command) {
            case "plan" -> List.of(new Flow("terraformPlan", "Plan", 100, null));
            case "apply" -> List.of(new Flow("terraformPlan", "Plan", 100, null), new Flow("terraformApply", "Apply", 200, null));
            case "destroy" -> List.of(new Flow("terraformDestroy", "Destroy", 100, null));
            default -> null;
        };
    }

    private static SandboxWorkspace workspace(String name, String description, SandboxWorkspace.Behaviour b) {
        return new SandboxWorkspace(uuid("workspace:" + name), name, description, b);
    }

    private static SandboxTemplate template(String name, String description, Flow... flows) {
        return new SandboxTemplate(uuid("template:" + name), name, description, List.of(flows));
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
