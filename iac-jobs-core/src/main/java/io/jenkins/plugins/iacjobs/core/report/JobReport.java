package io.jenkins.plugins.iacjobs.core.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlanComparison;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The facts a job's summary shows. Parameters arrive already masked. Text that comes from the remote (target, status,
 * message) is made {@link Printable} here, once, so no front end (console, build log, page, {@code summary.md},
 * checks, the step's value) can print a line the remote forged.
 *
 * @param remoteUrl where a person can look at the job remotely, or null
 * @param plan      what the job planned, where it could be read, or null
 * @param approval  who decided an approval wait, when, and their comment, where a front end asked a person; or null
 * @param planComparison how the plan compares with the previous plan of the same target, where a front end kept one;
 *                  or null
 */
public record JobReport(String system, String connection, String jobId, @CheckForNull String targetName, @CheckForNull String targetId,
                        boolean planOnly, Map<String, String> shownParams, String status, boolean success,
                        @CheckForNull String message, @CheckForNull Instant startedAt, @CheckForNull Instant endedAt,
                        @CheckForNull String remoteUrl, @CheckForNull Plan plan, @CheckForNull String approval,
                        @CheckForNull String waitEnded, @CheckForNull PlanComparison planComparison) {

    public JobReport {
        shownParams = shownParams == null ? Map.of() : shownParams;
        targetName = Printable.orNull(targetName);
        targetId = Printable.orNull(targetId);
        status = Printable.of(status);
        message = Printable.orNull(message);
    }

    public JobReport(String system, String connection, String jobId, String targetName, String targetId,
                     boolean planOnly, Map<String, String> shownParams, String status, boolean success,
                     String message, Instant startedAt, Instant endedAt, String remoteUrl) {
        this(system, connection, jobId, targetName, targetId, planOnly, shownParams, status, success, message, startedAt,
                endedAt, remoteUrl, null, null, null, null);
    }

    public JobReport withApproval(String decision) {
        return new JobReport(system, connection, jobId, targetName, targetId, planOnly, shownParams, status, success, message,
                startedAt, endedAt, remoteUrl, plan, decision, waitEnded, planComparison);
    }

    @CheckForNull
    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
