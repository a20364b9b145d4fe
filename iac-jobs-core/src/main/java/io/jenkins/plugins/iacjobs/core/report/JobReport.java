package io.jenkins.plugins.iacjobs.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The facts a job's summary shows. Parameters arrive already masked.
 *
 * @param remoteUrl where a person can look at the job remotely, or null
 */
public record JobReport(String system, String connection, String jobId, String targetName, String targetId,
                        boolean planOnly, Map<String, String> shownParams, String status, boolean success,
                        String message, Instant startedAt, Instant endedAt, String remoteUrl) {

    public JobReport {
        shownParams = shownParams == null ? Map.of() : shownParams;
    }

    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
