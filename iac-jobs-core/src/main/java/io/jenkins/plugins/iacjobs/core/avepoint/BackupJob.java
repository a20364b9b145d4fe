package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One job as the API returns it (API-DIGEST §3.2). Times are kept as sent; {@link #startedAt()} and
 * {@link #finishedAt()} read them, taking a time without an offset as UTC, as the API documents UTC. Any field may be
 * missing from a response, so the components are {@code @Nullable} and the readers check what they use.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupJob(@Nullable String module, @Nullable Integer type, @Nullable String jobId, @Nullable String startTime,
                        @Nullable String finishTime,
                        @Nullable Double durationHours, @Nullable Integer status,
                        long successfulEntity, long failedEntity, long skippedEntity, long warningEntity, long totalEntity,
                        long successfulRecord, long failedRecord, long skippedRecord, long warningRecord, long totalRecord,
                        @Nullable Long backupSize, @Nullable String organizationId, @Nullable String organizationName) {

    @CheckForNull
    public JobStatus jobStatus() {
        return JobStatus.of(status);
    }

    public String statusLabel() {
        return JobStatus.labelOf(status);
    }

    public String typeLabel() {
        return JobType.labelOf(type);
    }

    @CheckForNull
    public Instant startedAt() {
        return parseTime(startTime);
    }

    @CheckForNull
    public Instant finishedAt() {
        return parseTime(finishTime);
    }

    /** The organisation's name, else its id, else {@code unknown}. */
    public String organizationLabel() {
        if (organizationName != null && !organizationName.isBlank()) {
            return organizationName;
        }
        return organizationId == null || organizationId.isBlank() ? "unknown" : organizationId;
    }

    /** The key organisations are grouped by: the id when sent, else the name. */
    public String organizationKey() {
        return organizationId == null || organizationId.isBlank() ? organizationLabel() : organizationId;
    }

    /** Lenient ISO-8601: with an offset, without one (UTC), or a date only; null when absent or unreadable. */
    @CheckForNull
    public static Instant parseTime(@CheckForNull String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notIso) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }
}
