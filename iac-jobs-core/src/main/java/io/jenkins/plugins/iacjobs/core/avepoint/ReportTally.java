package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts jobs as they stream past: per status, per type and per organisation, plus a bounded sample of the jobs
 * that went wrong. Memory grows with the number of organisations, never with the number of jobs.
 */
public final class ReportTally {
    private long total;
    private final Map<String, Long> byStatus = new LinkedHashMap<>();
    private final Map<String, Long> byType = new LinkedHashMap<>();
    private final Map<String, Org> organisations = new TreeMap<>();
    private final List<BackupJob> problems = new ArrayList<>();
    private long problemCount;

    public ReportTally() {
        for (JobStatus s : JobStatus.values()) {
            byStatus.put(s.label(), 0L);
        }
        for (JobType t : JobType.values()) {
            if (t != JobType.ALL) {
                byType.put(t.label(), 0L);
            }
        }
    }

    public void add(BackupJob job) {
        total++;
        byStatus.merge(job.statusLabel(), 1L, Long::sum);
        byType.merge(job.typeLabel(), 1L, Long::sum);
        Org org = organisations.computeIfAbsent(job.organizationKey(), k -> new Org(job.organizationId(), job.organizationName()));
        org.add(job);
        JobStatus s = job.jobStatus();
        if (s == JobStatus.FAILED || s == JobStatus.FINISHED_WITH_EXCEPTION) {
            problemCount++;
            if (problems.size() < Verdict.MAX_DETAILS) {
                problems.add(job);
            }
        }
    }

    /** Makes sure an organisation the user asked for is judged even when it has no job in the window. */
    public void expect(@CheckForNull String organizationId, @CheckForNull String organizationName) {
        if (organizationId != null) {
            organisations.computeIfAbsent(organizationId, k -> new Org(organizationId, null));
        } else if (organizationName != null && organisations.values().stream().noneMatch(o -> organizationName.equalsIgnoreCase(o.name))) {
            organisations.put(organizationName, new Org(null, organizationName));
        }
    }

    public long total() {
        return total;
    }

    public long count(JobStatus s) {
        return byStatus.getOrDefault(s.label(), 0L);
    }

    public Map<String, Long> byStatus() {
        return Map.copyOf(byStatus);
    }

    /** Per status in a stable order (documented statuses first), for reports. */
    public Map<String, Long> byStatusOrdered() {
        return new LinkedHashMap<>(byStatus);
    }

    public Map<String, Long> byTypeOrdered() {
        return new LinkedHashMap<>(byType);
    }

    /** Failed and finished-with-exception jobs, the first {@link Verdict#MAX_DETAILS} of them. */
    public List<BackupJob> problemSample() {
        return List.copyOf(problems);
    }

    public long problemCount() {
        return problemCount;
    }

    public List<OrganisationSummary> organisations() {
        return organisations.values().stream().map(Org::summary)
                .sorted(Comparator.comparing(OrganisationSummary::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static final class Org {
        @CheckForNull
        final String id;
        @CheckForNull
        String name;
        long jobs;
        long finished;
        long failed;
        long exception;
        long inProgress;
        @CheckForNull
        Instant newestSuccess;

        Org(@CheckForNull String id, @CheckForNull String name) {
            this.id = id;
            this.name = name;
        }

        void add(BackupJob job) {
            jobs++;
            if (name == null && job.organizationName() != null) {
                name = job.organizationName();
            }
            JobStatus s = job.jobStatus();
            if (s == null) {
                return;
            }
            switch (s) {
                case FINISHED -> finished++;
                case FAILED -> failed++;
                case FINISHED_WITH_EXCEPTION -> exception++;
                case IN_PROGRESS -> inProgress++;
                default -> { }
            }
            Integer type = job.type();
            if (s == JobStatus.FINISHED && type != null && type == JobType.BACKUP.code()) {
                Instant finishedAt = job.finishedAt();
                Instant at = finishedAt != null ? finishedAt : job.startedAt();
                if (at != null && (newestSuccess == null || at.isAfter(newestSuccess))) {
                    newestSuccess = at;
                }
            }
        }

        OrganisationSummary summary() {
            return new OrganisationSummary(id, name, jobs, finished, failed, exception, inProgress, newestSuccess);
        }
    }
}
