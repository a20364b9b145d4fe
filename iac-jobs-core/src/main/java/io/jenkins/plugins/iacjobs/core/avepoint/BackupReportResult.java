package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Instants;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backup report found and decided. Serialisable, and {@link #toMap()} gives plain maps, lists, strings and
 * numbers for front ends that must not expose custom types (Pipeline scripts without approval).
 *
 * @param files written files relative to the output root, with forward slashes ({@code backup-report/jobs.json})
 */
public record BackupReportResult(Instant windowStart, Instant windowFinish, String type, String status, @CheckForNull String organization,
                                 long total, Map<String, Long> byStatus, Map<String, Long> byType,
                                 List<OrganisationSummary> organisations, Verdict verdict, ReadStats read,
                                 List<String> files) implements Serializable {
    private static final long serialVersionUID = 1L;

    public BackupReportResult {
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
        organisations = List.copyOf(organisations);
        files = List.copyOf(files);
    }

    public long count(JobStatus s) {
        return byStatus.getOrDefault(s.label(), 0L);
    }

    /** The newest successful backup of any organisation, or null. */
    @CheckForNull
    public Instant newestSuccessfulBackup() {
        Instant newest = null;
        for (OrganisationSummary o : organisations) {
            Instant t = o.newestSuccessfulBackup();
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest;
    }

    public boolean passed() {
        return verdict.passed();
    }

    public BackupReportResult withFiles(List<String> written) {
        return new BackupReportResult(windowStart, windowFinish, type, status, organization, total, byStatus, byType,
                organisations, verdict, read, written);
    }

    /** Plain data: counts, times as ISO strings, verdict; keys are stable and documented in docs/avepoint.md. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("finished", count(JobStatus.FINISHED));
        m.put("failed", count(JobStatus.FAILED));
        m.put("finishedWithException", count(JobStatus.FINISHED_WITH_EXCEPTION));
        m.put("inProgress", count(JobStatus.IN_PROGRESS));
        m.put("byStatus", new LinkedHashMap<>(byStatus));
        m.put("byType", new LinkedHashMap<>(byType));
        Instant newest = newestSuccessfulBackup();
        m.put("newestSuccessfulBackup", Instants.seconds(newest));
        Map<String, Object> perOrg = new LinkedHashMap<>();
        for (OrganisationSummary o : organisations) {
            Instant at = o.newestSuccessfulBackup();
            perOrg.put(o.label(), Instants.seconds(at));
        }
        m.put("newestSuccessfulBackupByOrganization", perOrg);
        m.put("verdict", verdict.label());
        m.put("passed", verdict.passed());
        m.put("failOn", verdict.failOn().label());
        m.put("reason", verdict.reason());
        m.put("details", new ArrayList<>(verdict.details()));
        m.put("windowStart", windowStart.toString());
        m.put("windowFinish", windowFinish.toString());
        m.put("files", new ArrayList<>(files));
        return m;
    }
}
