package io.jenkins.plugins.iacjobs.core.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlanComparison;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import java.time.Duration;
import java.util.List;

/** Renders {@code summary.md}: what ran, where, how it ended, and which files hold the evidence. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(JobReport r, List<String> artifactNames) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(Markdown.cell(r.system())).append(" job ").append(Markdown.cell(r.jobId())).append("\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "System", r.system());
        row(b, "Connection", r.connection());
        String target = r.targetName();
        row(b, "Target", target == null ? r.targetId() : target + " (" + r.targetId() + ")");
        String url = r.remoteUrl();
        row(b, "Job id", url == null ? r.jobId() : "[" + r.jobId() + "](" + url + ")");
        row(b, "Mode", r.planOnly() ? "plan only (no changes made)" : "applied");
        String waitEnded = r.waitEnded();
        if (waitEnded != null) { // the job had not ended: its status is the last one seen, not an outcome
            row(b, "Status", r.status() + " when last seen (the job had not ended)");
            row(b, "Outcome", waitEnded);
        } else {
            row(b, "Status", r.status() + (r.success() ? "" : " (not successful)"));
        }
        row(b, "Approval", r.approval());
        row(b, "Started", Instants.seconds(r.startedAt()));
        row(b, waitEnded != null ? "Stopped waiting" : "Ended", Instants.seconds(r.endedAt()));
        Duration duration = r.duration();
        row(b, waitEnded != null ? "Waited" : "Duration", duration == null ? null : Durations.format(duration));
        String message = r.message();
        if (message != null && !message.isBlank()) {
            row(b, "Error", message);
        }
        Plan plan = r.plan();
        if (plan != null) {
            plan(b, plan, r.planComparison(), artifactNames);
        }
        if (!r.shownParams().isEmpty()) {
            b.append("\n## Parameters\n\n").append(Markdown.table("name", "value", r.shownParams()));
        }
        b.append("\n## Files\n\n");
        for (String a : artifactNames) {
            b.append("- [").append(a).append("](").append(a).append(")\n");
        }
        return b.toString();
    }

    /**
     * The counts, then up to {@link Plan#SHOWN} resources; the rest are in plan.txt and plan.json, or, for a plan too
     * big to keep whole, in the job's results or log.
     */
    private static void plan(StringBuilder b, Plan p, @CheckForNull PlanComparison compared, List<String> files) {
        b.append("\n## Plan\n\n**").append(p.headline()).append("**");
        if (!p.complete()) {
            b.append(" (counted from the resources listed; the plan gave no summary)");
        }
        b.append("\n");
        if (compared != null) {
            b.append("\n").append(Printable.of(compared.sentence())).append(" Fingerprint `").append(p.shortFingerprint()).append("`.\n");
        }
        // whole, as expectPlan takes it
        b.append("\nFingerprint: `").append(p.fingerprint()).append("`\n");
        if (!p.resources().isEmpty()) {
            b.append('\n').append(Markdown.codeBlock(p.shownLines()));
            if (p.hiddenCount() > 0 && p.listsAll()) {
                b.append("\nAbove are ").append(p.shownOfAll()).append("; every resource is in [plan.txt](plan.txt) and [plan.json](plan.json).\n");
            } else if (p.hiddenCount() > 0) {
                String all = EvidenceFiles.everyResourceIn(p, files);
                b.append("\nAbove are ").append(p.shownOfAll()).append("; [plan.txt](plan.txt) and [plan.json](plan.json) list the first ")
                        .append(p.resources().size()).append(all == null ? ".\n" : ", every resource is in [" + all + "](" + all + ").\n");
            }
        }
    }

    private static void row(StringBuilder b, String name, @CheckForNull String value) {
        if (value != null && !value.isBlank()) {
            b.append("| ").append(name).append(" | ").append(Markdown.cell(value)).append(" |\n");
        }
    }
}
