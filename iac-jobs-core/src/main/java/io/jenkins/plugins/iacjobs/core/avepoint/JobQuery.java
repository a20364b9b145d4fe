package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What to read: a time window and filters, with times fixed once so that every page sees the same window.
 *
 * @param type             job type; {@link JobType#ALL} reads every type
 * @param startTime        window start (inclusive), UTC
 * @param finishTime       window end (inclusive), UTC
 * @param status           a status, or null for all
 * @param organizationId   an organisation GUID sent to the API, or null
 * @param organizationName an organisation name matched here, case-insensitively, or null (the API filters by id only)
 * @param pageSize         rows asked for per page; the server may send fewer
 */
public record JobQuery(JobType type, Instant startTime, Instant finishTime, @CheckForNull JobStatus status,
                       @CheckForNull String organizationId,
                       @CheckForNull String organizationName, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    public static final int MAX_PAGE_SIZE = 1000;

    public JobQuery {
        if (type == null) {
            type = JobType.ALL;
        }
        if (startTime == null || finishTime == null) {
            throw new ValidationException("startTime", "the window needs a start and a finish time");
        }
        if (!startTime.isBefore(finishTime)) {
            throw new ValidationException("startTime", "the window starts at " + startTime + ", not before its finish "
                    + finishTime + "; give a start time before the finish time");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new ValidationException("pageSize", pageSize + " is not between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** An organisation given by the user: a GUID is sent to the API; anything else is matched by name here. */
    public static String[] splitOrganization(@CheckForNull String organization) {
        if (organization == null || organization.isBlank()) {
            return new String[] {null, null};
        }
        String o = organization.strip();
        return GUID.matcher(o).matches() ? new String[] {o, null} : new String[] {null, o};
    }

    /** The status filter's label, or {@code all}. */
    public String statusLabel() {
        JobStatus s = status;
        return s == null ? "all" : s.label();
    }

    /** The organisation filter as the user gave it: its id, else its name; null for every organisation. */
    @CheckForNull
    public String organization() {
        return organizationId != null ? organizationId : organizationName;
    }

    /** Whether a job returned by the server also passes the filters applied here. */
    public boolean matchesLocally(BackupJob job) {
        return organizationName == null || organizationName.equalsIgnoreCase(job.organizationName());
    }
}
