package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.avepoint.report.BackupReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a backup report: reads every job in the window, streams each into the four report files and the tally,
 * then applies the gate. What the Pipeline step, the freestyle builder and the CLI all call.
 */
public final class BackupReport {
    /** The folder, under the output root, that holds the report files. */
    public static final String FOLDER = BackupReportWriter.FOLDER;

    private BackupReport() {
    }

    /**
     * @param root the folder to write {@code backup-report/} into (a build's artifact staging folder, or {@code --out})
     * @return the result; the caller decides what a failed verdict means (build result, exit code)
     */
    public static BackupReportResult run(AvePointClient client, BackupReportOptions.Plan plan, Path root) {
        JobQuery q = plan.query();
        ReportTally tally = new ReportTally();
        try (BackupReportWriter writer = BackupReportWriter.open(root, plan, client.json())) {
            ReadStats stats = client.readJobs(q, (job, raw) -> {
                writer.write(job, raw);
                tally.add(job);
            });
            tally.expect(q.organizationId(), q.organizationName());
            Verdict verdict = Gate.evaluate(plan.failOn(), tally, q.finishTime(), plan.maxAge());
            String organization = q.organizationId() != null ? q.organizationId() : q.organizationName();
            BackupReportResult result = new BackupReportResult(q.startTime(), q.finishTime(), q.type().label(),
                    q.status() == null ? "all" : q.status().label(), organization, tally.total(), tally.byStatusOrdered(),
                    tally.byTypeOrdered(), tally.organisations(), verdict, stats, List.of());
            List<String> files = writer.finish(result, tally.problemSample());
            return result.withFiles(files);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup report under " + root + ": " + e.getMessage(), e);
        }
    }
}
