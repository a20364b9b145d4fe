package io.jenkins.plugins.iacjobs.core.avepoint.report;

import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupJob;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.core.avepoint.JobStatus;
import io.jenkins.plugins.iacjobs.core.avepoint.OrganisationSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Renders {@code summary.md}: the window, the verdict, counts, each organisation's newest backup, the jobs that went wrong. */
public final class BackupSummaryMarkdown {
    private BackupSummaryMarkdown() {
    }

    public static String render(BackupReportResult r, List<BackupJob> problems, List<String> files) {
        StringBuilder b = new StringBuilder();
        b.append("# AvePoint Cloud Backup for Dynamics 365: job report\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "Window", Instants.seconds(r.windowStart()) + " to " + Instants.seconds(r.windowFinish()));
        row(b, "Type", r.type());
        row(b, "Status", r.status());
        String organization = r.organization();
        if (organization != null) {
            row(b, "Organisation", organization);
        }
        row(b, "Jobs", String.valueOf(r.total()));
        row(b, "Gate", "failOn " + r.verdict().failOn().label());
        row(b, "Verdict", "**" + r.verdict().label() + "**: " + r.verdict().reason());
        row(b, "Test report", "junit.xml follows the gate: a job fails there only when failOn " + r.verdict().failOn().label()
                + " counts it, and its gate test case fails with the verdict");
        if (r.read().duplicatesSkipped() > 0) {
            row(b, "Paging", r.read().duplicatesSkipped() + " jobs repeated across pages were counted once");
        }
        if (!r.verdict().details().isEmpty()) {
            b.append("\n");
            for (String d : r.verdict().details()) {
                b.append("- ").append(cell(d)).append('\n');
            }
        }
        counts(b, "By status", r.byStatus());
        counts(b, "By type", r.byType());
        b.append("\n## Organisations\n\n| organisation | jobs | finished | failed | with exception | in progress | newest finished backup |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        for (OrganisationSummary o : r.organisations()) {
            Instant newest = o.newestSuccessfulBackup();
            b.append("| ").append(cell(o.label())).append(" | ").append(o.jobs()).append(" | ").append(o.finished())
                    .append(" | ").append(o.failed()).append(" | ").append(o.finishedWithException()).append(" | ")
                    .append(o.inProgress()).append(" | ")
                    .append(newest == null ? "none in window" : Instants.seconds(newest)).append(" |\n");
        }
        if (!problems.isEmpty()) {
            b.append("\n## Failed and finished-with-exception jobs");
            long all = r.count(JobStatus.FAILED) + r.count(JobStatus.FINISHED_WITH_EXCEPTION);
            b.append(problems.size() < all ? " (first " + problems.size() + " of " + all + "; all are in jobs.csv)" : "");
            b.append("\n\n| organisation | module | job | status | failed entities | failed records |\n|---|---|---|---|---:|---:|\n");
            for (BackupJob j : problems) {
                b.append("| ").append(cell(j.organizationLabel())).append(" | ").append(cell(j.module())).append(" | ")
                        .append(cell(j.jobId())).append(" | ").append(j.statusLabel()).append(" | ")
                        .append(j.failedEntity()).append(" of ").append(j.totalEntity()).append(" | ")
                        .append(j.failedRecord()).append(" of ").append(j.totalRecord()).append(" |\n");
            }
        }
        b.append("\n## Files\n\n");
        for (String f : files) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            b.append("- [").append(name).append("](").append(name).append(")\n");
        }
        return b.toString();
    }

    private static void counts(StringBuilder b, String title, Map<String, Long> counts) {
        b.append("\n## ").append(title).append("\n\n| | jobs |\n|---|---:|\n");
        counts.forEach((k, v) -> b.append("| ").append(cell(k)).append(" | ").append(v).append(" |\n"));
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
