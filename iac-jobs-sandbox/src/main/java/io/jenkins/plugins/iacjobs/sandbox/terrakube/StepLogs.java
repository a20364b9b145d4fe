package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic Terraform-like output for a step, with ANSI colours and multi-byte UTF-8 characters, so clients
 * are tested on logs that split characters between reads.
 */
final class StepLogs {
    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private StepLogs() {
    }

    static byte[] render(long jobId, Flow flow, boolean fails, boolean noChanges, int lines) {
        StringBuilder b = new StringBuilder();
        b.append(BOLD).append("Terrakube sandbox — job ").append(jobId).append(", step ").append(flow.step())
                .append(" (").append(flow.type()).append(")").append(RESET).append('\n');
        b.append("Initializing the backend…\nInitializing provider plugins… ✓\n");
        boolean destroy = flow.type().toLowerCase().contains("destroy");
        for (int i = 0; i < lines; i++) {
            b.append("  ").append(destroy ? "- " : "+ ").append("null_resource.sandbox[").append(i).append("] ")
                    .append(destroy ? "will be destroyed" : "will be created").append(" · größe=").append(i * 7 % 13)
                    .append(" ✓\n");
        }
        if (fails) {
            b.append(RED).append("╷\n│ Error: sandbox failure in ").append(flow.type()).append("\n╵").append(RESET).append('\n');
        } else if (noChanges) {
            b.append(GREEN).append("No changes. Your infrastructure matches the configuration.").append(RESET).append('\n');
        } else {
            String verb = flow.type().equals("terraformPlan") ? "Plan: " + lines + " to add, 0 to change, 0 to destroy."
                    : destroy ? "Destroy complete! Resources: " + lines + " destroyed."
                    : "Apply complete! Resources: " + lines + " added, 0 changed, 0 destroyed.";
            b.append(GREEN).append(verb).append(RESET).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
