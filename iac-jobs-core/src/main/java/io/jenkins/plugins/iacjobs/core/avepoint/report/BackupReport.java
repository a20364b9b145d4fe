package io.jenkins.plugins.iacjobs.core.avepoint.report;

import io.jenkins.plugins.iacjobs.core.Similarity;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.core.avepoint.Gate;
import io.jenkins.plugins.iacjobs.core.avepoint.JobQuery;
import io.jenkins.plugins.iacjobs.core.avepoint.ReadStats;
import io.jenkins.plugins.iacjobs.core.avepoint.ReportTally;
import io.jenkins.plugins.iacjobs.core.avepoint.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a backup report: reads every job in the window, streams each into the four report files and the tally,
 * then applies the gate. What the Pipeline step, the freestyle builder and the CLI all call.
 */
public final class BackupReport {
    /** The folder, under the output root, that holds the report files. */
    public static final String FOLDER = BackupReportWriter.FOLDER;
    static final int PROGRESS_EVERY = 10;

    private BackupReport() {
    }

    /**
     * Names quoted, since a name may hold a comma; the closest one first when the given name looks like a typo of it.
     */
    static ValidationException unknownOrganisation(String name, List<String> seen) {
        String closest = Similarity.closest(name, seen);
        return new ValidationException("organization", quote(name) + " matches no organisation with jobs in the window; "
                + (closest != null ? "did you mean " + quote(closest) + "? " : "")
                + "organisations seen: " + seen.stream().map(BackupReport::quote).collect(Collectors.joining(", "))
                + ". Give one of these names exactly, or the organisation's id");
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * @param root the folder to write {@code backup-report/} into (a build's artifact staging folder, or {@code --out})
     * @return the result; the caller decides what a failed verdict means (build result, exit code)
     */
    public static BackupReportResult run(AvePointClient client, BackupReportOptions.Plan plan, Path root) {
        return run(client, plan, root, line -> { });
    }

    /**
     * As {@link #run(AvePointClient, BackupReportOptions.Plan, Path)}, with progress lines for a build log: what is
     * read from where, every {@value #PROGRESS_EVERY} pages, and the end.
     */
    public static BackupReportResult run(AvePointClient client, BackupReportOptions.Plan plan, Path root, Consumer<String> progress) {
        JobQuery q = plan.query();
        String organization = q.organization();
        progress.accept("Reading AvePoint Cloud Backup jobs from " + q.startTime() + " to " + q.finishTime() + " (type "
                + q.type().label() + ", status " + q.statusLabel()
                + (organization == null ? "" : ", organisation " + organization) + ") from "
                + client.endpoints().apiBase().host() + " with the " + client.generation().name().toLowerCase(Locale.ROOT) + " API");
        ReportTally tally = new ReportTally();
        try (BackupReportWriter writer = BackupReportWriter.open(root, plan, client.json())) {
            ReadStats stats = client.readJobs(q, (job, raw) -> {
                writer.write(job, raw);
                tally.add(job);
            }, (page, jobs, total) -> {
                if (page % PROGRESS_EVERY == 0) {
                    progress.accept("  read " + jobs + (total >= 0 ? " of " + total : "") + " jobs (" + page + " pages)");
                }
            });
            String name = q.organizationName();
            if (name != null && stats.jobs() == 0 && !stats.otherOrganisations().isEmpty()) {
                // A misspelt name must not pass the gate with an empty report: name the organisations that exist.
                throw unknownOrganisation(name, stats.otherOrganisations());
            }
            progress.accept("Read " + stats.jobs() + " jobs in " + stats.pages() + (stats.pages() == 1 ? " page" : " pages")
                    + (stats.duplicatesSkipped() > 0 ? "; " + stats.duplicatesSkipped() + " repeated across pages counted once" : ""));
            tally.expect(q.organizationId(), q.organizationName());
            Verdict verdict = Gate.evaluate(plan.failOn(), tally, q.finishTime(), plan.maxAge());
            BackupReportResult result = new BackupReportResult(q.startTime(), q.finishTime(), q.type().label(),
                    q.statusLabel(), organization, tally.total(), tally.byStatusOrdered(),
                    tally.byTypeOrdered(), tally.organisations(), verdict, stats, List.of());
            List<String> files = writer.finish(result, tally.problemSample());
            return result.withFiles(files);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup report under " + root + ": " + e.getMessage(), e);
        }
    }
}
