package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Cloud Backup for Dynamics 365 job types, with their wire codes (API-DIGEST §3.2). */
public enum JobType {
    ALL(0, "all"),
    BACKUP(1, "backup"),
    RESTORE(2, "restore"),
    DRY_RUN(4, "dryrun"),
    RETENTION(8, "retention"),
    AUDIT_BACKUP(16, "auditbackup"),
    EXPORT(32, "export");

    private final int code;
    private final String label;

    JobType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The lower-case name users type and reports show ({@code backup}, {@code auditbackup}). */
    public String label() {
        return label;
    }

    /** Accepts a label ({@code backup}, {@code dry-run}, {@code AuditBackup}) or a code ({@code 1}). Null or blank means ALL. */
    public static JobType parse(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        for (JobType t : values()) {
            if (t.label.equals(v) || String.valueOf(t.code).equals(v)) {
                return t;
            }
        }
        throw new ValidationException("type", "'" + value + "' is not a job type; use one of "
                + Arrays.stream(values()).map(JobType::label).collect(Collectors.joining(", ")));
    }

    /** The label for a code as received; unknown codes show as {@code type-N}. */
    public static String labelOf(@CheckForNull Integer code) {
        if (code == null) {
            return "unknown";
        }
        for (JobType t : values()) {
            if (t.code == code) {
                return t.label;
            }
        }
        return "type-" + code;
    }
}
