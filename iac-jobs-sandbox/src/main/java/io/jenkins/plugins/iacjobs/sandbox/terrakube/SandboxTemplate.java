package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** A job template; its TCL is rendered as Terrakube stores it: base64-encoded YAML. */
record SandboxTemplate(String id, String name, String description, List<Flow> flows) {

    String tcl() {
        StringBuilder yaml = new StringBuilder("flow:\n");
        for (Flow f : flows) {
            yaml.append("  - type: \"").append(f.type()).append("\"\n");
            yaml.append("    name: \"").append(f.name()).append("\"\n");
            yaml.append("    step: ").append(f.step()).append('\n');
            if (f.team() != null) {
                yaml.append("    team: \"").append(f.team()).append("\"\n");
            }
            if (!f.isApproval()) {
                yaml.append("    commands: []\n");
            }
        }
        return Base64.getEncoder().encodeToString(yaml.toString().getBytes(StandardCharsets.UTF_8));
    }
}
