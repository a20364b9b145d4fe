package io.jenkins.plugins.iacjobs.core.report;

import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import java.util.List;

/** Renders {@code summary.md}: what ran, where, how it ended, and which files hold the evidence. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(JobReport r, List<String> artifactNames) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(cell(r.system())).append(" job ").append(cell(r.jobId())).append("\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "System", r.system());
        row(b, "Connection", r.connection());
        row(b, "Target", r.targetName() == null ? r.targetId() : r.targetName() + " (" + r.targetId() + ")");
        row(b, "Job id", r.remoteUrl() == null ? r.jobId() : "[" + r.jobId() + "](" + r.remoteUrl() + ")");
        row(b, "Mode", r.planOnly() ? "plan only (no changes made)" : "applied");
        row(b, "Status", r.status() + (r.success() ? "" : " (not successful)"));
        row(b, "Approval", r.approval());
        row(b, "Started", r.startedAt() == null ? null : r.startedAt().toString());
        row(b, "Ended", r.endedAt() == null ? null : r.endedAt().toString());
        row(b, "Duration", r.duration() == null ? null : Durations.format(r.duration()));
        if (r.message() != null && !r.message().isBlank()) {
            row(b, "Error", r.message());
        }
        if (r.plan() != null) {
            plan(b, r.plan());
        }
        if (!r.shownParams().isEmpty()) {
            b.append("\n## Parameters\n\n| name | value |\n|---|---|\n");
            r.shownParams().forEach((k, v) -> b.append("| ").append(cell(k)).append(" | ").append(cell(v)).append(" |\n"));
        }
        b.append("\n## Files\n\n");
        for (String a : artifactNames) {
            b.append("- [").append(a).append("](").append(a).append(")\n");
        }
        return b.toString();
    }

    /** The counts, then up to {@link Plan#SHOWN} resources; the rest are in plan.txt and plan.json. */
    private static void plan(StringBuilder b, Plan p) {
        b.append("\n## Plan\n\n**").append(p.headline()).append("**");
        if (!p.complete()) {
            b.append(" (counted from the resources listed; the plan gave no summary)");
        }
        b.append("\n");
        if (!p.resources().isEmpty()) {
            b.append("\n```\n");
            p.shownLines().forEach(l -> b.append(Printable.of(l).replace("`", "'")).append('\n'));
            b.append("```\n");
            if (p.hiddenCount() > 0) {
                b.append("\n… and ").append(p.hiddenCount()).append(" more: every resource is in [plan.txt](plan.txt) and [plan.json](plan.json).\n");
            }
        }
    }

    private static void row(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
        }
    }

    /** One table cell: no control character (a CR or LF from a remote name cannot add lines), no bare pipe. */
    private static String cell(String s) {
        return s == null ? "" : Printable.of(s).replace("|", "\\|");
    }
}
