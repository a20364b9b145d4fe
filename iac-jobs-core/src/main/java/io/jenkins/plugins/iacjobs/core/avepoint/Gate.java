package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Applies {@link FailOn} to a finished tally. */
public final class Gate {
    private Gate() {
    }

    /**
     * @param asOf   the window's end: "within maxAge" means finished after {@code asOf - maxAge}
     * @param maxAge used by {@link FailOn#STALE} only
     */
    public static Verdict evaluate(FailOn failOn, ReportTally tally, Instant asOf, Duration maxAge) {
        List<String> silent = tally.organisations().stream().filter(o -> o.jobs() == 0).map(OrganisationSummary::label).toList();
        if (failOn != FailOn.NEVER && failOn != FailOn.STALE && !silent.isEmpty()) {
            // Asked about an organisation, found nothing: a wrong id must not make a green gate.
            return new Verdict(failOn, false, "no job at all for organisation " + String.join(", ", silent)
                    + " in the window; check the organisation id, or widen the window", List.of());
        }
        long failed = tally.count(JobStatus.FAILED);
        long exception = tally.count(JobStatus.FINISHED_WITH_EXCEPTION);
        return switch (failOn) {
            case NEVER -> new Verdict(failOn, true, tally.total() + " jobs reported, not judged", List.of());
            case FAILED -> failed == 0
                    ? new Verdict(failOn, true, "no failed jobs among " + tally.total(), List.of())
                    : new Verdict(failOn, false, failed + " of " + tally.total() + " jobs failed", problems(tally, false));
            case UNSUCCESSFUL -> failed + exception == 0
                    ? new Verdict(failOn, true, "no failed or finished-with-exception jobs among " + tally.total(), List.of())
                    : new Verdict(failOn, false, failed + " failed and " + exception + " finished with exception, of "
                            + tally.total() + " jobs", problems(tally, true));
            case STALE -> stale(tally, asOf, maxAge);
        };
    }

    private static List<String> problems(ReportTally tally, boolean withException) {
        List<String> out = new ArrayList<>();
        for (BackupJob j : tally.problemSample()) {
            if (withException || j.jobStatus() == JobStatus.FAILED) {
                out.add(j.organizationLabel() + " / " + j.module() + " / " + j.jobId() + ": " + j.statusLabel());
            }
        }
        long all = withException ? tally.problemCount()
                : tally.count(JobStatus.FAILED);
        return cut(out, all);
    }

    /** Says when a list shows only some of the items, and where the rest are. */
    static List<String> cut(List<String> shown, long all) {
        if (all > shown.size()) {
            shown.add("… and " + (all - shown.size()) + " more, " + shown.size() + " of " + all + " shown; jobs.csv lists every job");
        }
        return shown;
    }

    private static Verdict stale(ReportTally tally, Instant asOf, Duration maxAge) {
        Instant cutoff = asOf.minus(maxAge);
        List<OrganisationSummary> orgs = tally.organisations();
        if (orgs.isEmpty()) {
            return new Verdict(FailOn.STALE, false, "no jobs at all in the window, so no organisation has a finished backup"
                    + " within " + Durations.format(maxAge), List.of());
        }
        List<String> stale = new ArrayList<>();
        long count = 0;
        for (OrganisationSummary o : orgs) {
            Instant newest = o.newestSuccessfulBackup();
            if (newest == null || newest.isBefore(cutoff)) {
                count++;
                if (stale.size() < Verdict.MAX_DETAILS) {
                    stale.add(o.label() + ": " + (newest == null ? "no finished backup in the window" : "newest finished backup " + Instants.seconds(newest)));
                }
            }
        }
        return count == 0
                ? new Verdict(FailOn.STALE, true, "all " + orgs.size() + " organisations have a finished backup within "
                        + Durations.format(maxAge), List.of())
                : new Verdict(FailOn.STALE, false, count + " of " + orgs.size() + " organisations have no finished backup within "
                        + Durations.format(maxAge) + " (since " + Instants.seconds(cutoff) + ")", cut(stale, count));
    }
}
