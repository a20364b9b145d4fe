package io.jenkins.plugins.iacjobs.core.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import java.util.List;

/** Where in a job's files (as {@link JobReportWriter} writes them) a reader finds what a summary only begins. */
public final class EvidenceFiles {
    private EvidenceFiles() {
    }

    /**
     * Which of a job's files names every resource of {@code plan}: {@code plan.txt} when the plan lists them all,
     * otherwise (a plan too big to keep whole) the results or the log; null when none of {@code files} does.
     *
     * @param files the job's files, as names or paths ending in their names
     */
    @CheckForNull
    public static String everyResourceIn(Plan plan, List<String> files) {
        List<String> where = plan.listsAll() ? List.of("plan.txt")
                : List.of("results.txt", "log.txt", "results.json", "job.json"); // Terrakube's results.json is a step summary
        for (String name : where) {
            for (String f : files) {
                if (f.equals(name) || f.endsWith("/" + name)) {
                    return f;
                }
            }
        }
        return null;
    }
}
