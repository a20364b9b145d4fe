package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The filters both API generations take. A job is in the window when its start time lies in
 * [{@code startTime}, {@code finishTime}] (AvePoint does not say which time the window applies to; this is the
 * sandbox's choice, and the client does not depend on it). Type 0 means every type.
 */
public record JobFilter(int type, Instant startTime, Instant finishTime, Integer status, String organizationId) {
    static final Set<Integer> TYPES = Set.of(0, 1, 2, 4, 8, 16, 32);
    static final Set<Integer> STATUSES = Set.of(2, 3, 4, 7);

    public boolean matches(D365Job job) {
        return (type == 0 || job.type() == type)
                && !job.startTime().isBefore(startTime) && !job.startTime().isAfter(finishTime)
                && (status == null || job.status() == status)
                && (organizationId == null || organizationId.equalsIgnoreCase(job.organizationId()));
    }

    static JobFilter of(String type, String start, String finish, String status, String organizationId, String finishName) {
        Integer t = integer("type", type);
        if (t == null) {
            throw ApiError.badRequest("type is required: 0 all, 1 backup, 2 restore, 4 Dryrun, 8 Retention, 16 AuditBackup, 32 Export");
        }
        if (!TYPES.contains(t)) {
            throw ApiError.badRequest("type " + t + " is not one of 0, 1, 2, 4, 8, 16, 32");
        }
        Integer s = integer("status", status);
        if (s != null && !STATUSES.contains(s)) {
            throw ApiError.badRequest("status " + s + " is not one of 2, 3, 4, 7");
        }
        String org = organizationId == null || organizationId.isBlank() ? null : organizationId.strip();
        if (org != null) {
            try {
                UUID.fromString(org);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("organizationId '" + org + "' is not a GUID");
            }
        }
        Instant from = time("startTime", start);
        Instant to = time(finishName, finish);
        if (to.isBefore(from)) {
            throw ApiError.badRequest(finishName + " is before startTime");
        }
        return new JobFilter(t, from, to, s, org);
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer, got '" + value + "'");
        }
    }

    /** ISO-8601 with or without an offset (UTC), or epoch milliseconds (the legacy document says "long"). */
    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest(name + " is required (ISO-8601 UTC)");
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(v));
                } catch (NumberFormatException e3) {
                    throw ApiError.badRequest(name + " '" + value + "' is not an ISO-8601 time");
                }
            }
        }
    }
}
