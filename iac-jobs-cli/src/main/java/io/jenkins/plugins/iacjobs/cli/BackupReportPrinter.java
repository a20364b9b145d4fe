package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.core.avepoint.JobStatus;
import io.jenkins.plugins.iacjobs.core.avepoint.OrganisationSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/** The compact table {@code iacjobs backup-report} prints: one line per organisation, totals, the verdict. */
final class BackupReportPrinter {
    private BackupReportPrinter() {
    }

    static void print(PrintStream out, BackupReportResult r, Path root) {
        String organization = r.organization();
        out.println("AvePoint Cloud Backup jobs " + r.windowStart() + " .. " + r.windowFinish() + "  type " + r.type()
                + ", status " + r.status() + (organization == null ? "" : ", organisation " + organization));
        int width = Math.max(12, r.organisations().stream().mapToInt(o -> o.label().length()).max().orElse(0));
        width = Math.min(width, 40);
        String row = "%-" + width + "s %7s %8s %7s %9s %8s  %s%n";
        out.printf(row, "ORGANISATION", "JOBS", "FINISHED", "FAILED", "EXCEPTION", "RUNNING", "NEWEST FINISHED BACKUP");
        for (OrganisationSummary o : r.organisations()) {
            out.printf(row, clip(o.label(), width), o.jobs(), o.finished(), o.failed(), o.finishedWithException(), o.inProgress(),
                    Objects.toString(Instants.seconds(o.newestSuccessfulBackup()), "-"));
        }
        out.printf(row, "TOTAL", r.total(), r.count(JobStatus.FINISHED),
                r.count(JobStatus.FAILED),
                r.count(JobStatus.FINISHED_WITH_EXCEPTION),
                r.count(JobStatus.IN_PROGRESS), "");
        out.println();
        out.println(r.verdict().label() + " (--fail-on " + r.verdict().failOn().label() + "): " + r.verdict().reason());
        for (String d : r.verdict().details()) {
            out.println("  - " + d);
        }
        out.println("Report: " + root.resolve("backup-report").toAbsolutePath() + " (jobs.json, jobs.csv, junit.xml, summary.md)");
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
