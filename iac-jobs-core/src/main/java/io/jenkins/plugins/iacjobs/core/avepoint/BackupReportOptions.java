package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A backup report's options as the user wrote them (step, form or command line), all optional strings. {@link #resolve}
 * checks them together and fixes the window against a clock. Blank means "not given".
 *
 * @param type         job type: all (default), backup, restore, dryrun, retention, auditbackup, export
 * @param since        window length back from now, such as {@code 24h}; the default when no start time is given
 * @param startTime    window start, ISO-8601 ({@code 2025-01-31T22:00:00Z}) or a UTC date; excludes {@code since}
 * @param finishTime   window end, same forms; defaults to now; only with {@code startTime}
 * @param status       in-progress, finished, failed or finished-with-exception; all when blank
 * @param organization an organisation GUID (sent to the API) or name (matched locally)
 * @param failOn       never, failed (default), unsuccessful or stale
 * @param maxAge       for {@code stale}: how old an organisation's newest finished backup may be; defaults to the window length
 * @param pageSize     rows per page, 0 for {@link JobQuery#DEFAULT_PAGE_SIZE}
 */
public record BackupReportOptions(@CheckForNull String type, @CheckForNull String since, @CheckForNull String startTime,
                                  @CheckForNull String finishTime, @CheckForNull String status,
                                  @CheckForNull String organization, @CheckForNull String failOn, @CheckForNull String maxAge,
                                  int pageSize) {

    public static final String DEFAULT_SINCE = "24h";

    public static BackupReportOptions since(String since) {
        return new BackupReportOptions(null, since, null, null, null, null, null, null, 0);
    }

    /** The checked, resolved report: its query and gate. */
    public record Plan(JobQuery query, FailOn failOn, Duration maxAge) {
    }

    public Plan resolve(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // the API takes whole seconds
        boolean hasSince = given(since);
        boolean hasStart = given(startTime);
        if (hasSince && hasStart) {
            throw new ValidationException("since", "give either since or startTime/finishTime, not both");
        }
        if (given(finishTime) && !hasStart) {
            throw new ValidationException("finishTime", "needs a startTime; for a window ending now use since");
        }
        Instant start;
        Instant finish;
        if (hasStart) {
            start = time("startTime", startTime);
            finish = given(finishTime) ? time("finishTime", finishTime) : now;
        } else {
            Duration d = Durations.parse("since", hasSince ? since : DEFAULT_SINCE);
            if (d.isZero() || d.isNegative()) {
                throw new ValidationException("since", "must be longer than zero, such as 24h");
            }
            finish = now;
            start = now.minus(d);
        }
        String[] org = JobQuery.splitOrganization(organization);
        JobQuery query = new JobQuery(JobType.parse(type), start, finish, JobStatus.parse(status), org[0], org[1],
                pageSize == 0 ? JobQuery.DEFAULT_PAGE_SIZE : pageSize);
        FailOn gate = FailOn.parse(failOn);
        Duration window = Duration.between(start, finish);
        Duration age = given(maxAge) ? Durations.parse("maxAge", maxAge) : window;
        if (gate == FailOn.STALE) {
            checkStale(query, window, age);
        } else if (given(maxAge)) {
            throw new ValidationException("maxAge", "only applies with failOn: 'stale'");
        }
        return new Plan(query, gate, age);
    }

    private static void checkStale(JobQuery query, Duration window, Duration age) {
        if (query.type() != JobType.ALL && query.type() != JobType.BACKUP) {
            throw new ValidationException("failOn", "stale looks for finished backups, so it needs type backup or all, not "
                    + query.type().label());
        }
        JobStatus status = query.status();
        if (status != null && status != JobStatus.FINISHED) {
            throw new ValidationException("failOn", "stale looks for finished backups, so it cannot be combined with status "
                    + status.label());
        }
        if (age.isZero() || age.isNegative()) {
            throw new ValidationException("maxAge", "must be longer than zero, such as 26h");
        }
        if (age.compareTo(window) > 0) {
            throw new ValidationException("maxAge", Durations.format(age) + " is longer than the window ("
                    + Durations.format(window) + "), so an older backup could not be seen; widen since or shorten maxAge");
        }
    }

    static Instant time(String field, String text) {
        String t = text.strip();
        if (t.length() == 10) {
            try {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // not a date: fall through
            }
        }
        Instant i = BackupJob.parseTime(t);
        if (i == null) {
            throw new ValidationException(field, "'" + text + "' is not a time; write it like 2025-01-31T22:00:00Z or 2025-01-31");
        }
        return i;
    }

    private static boolean given(@CheckForNull String s) {
        return s != null && !s.isBlank();
    }
}
