package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Job statuses with their wire codes (API-DIGEST §3.4). Other codes are undocumented and reported as {@code status-N}. */
public enum JobStatus {
    IN_PROGRESS(2, "in-progress"),
    FINISHED(3, "finished"),
    FAILED(4, "failed"),
    FINISHED_WITH_EXCEPTION(7, "finished-with-exception");

    private final int code;
    private final String label;

    JobStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Null or blank means no status filter. Accepts labels, the constant names, {@code exception}, or the code. */
    @CheckForNull
    public static JobStatus parse(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (v.equals("exception") || v.equals("finishedwithexception")) {
            return FINISHED_WITH_EXCEPTION;
        }
        if (v.equals("inprogress") || v.equals("running")) {
            return IN_PROGRESS;
        }
        for (JobStatus s : values()) {
            if (s.label.equals(v) || String.valueOf(s.code).equals(v)) {
                return s;
            }
        }
        throw new ValidationException("status", "'" + value + "' is not a job status; use one of "
                + Arrays.stream(values()).map(JobStatus::label).collect(Collectors.joining(", ")));
    }

    @CheckForNull
    public static JobStatus of(@CheckForNull Integer code) {
        if (code != null) {
            for (JobStatus s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
        }
        return null;
    }

    public static String labelOf(@CheckForNull Integer code) {
        JobStatus s = of(code);
        return s != null ? s.label : code == null ? "unknown" : "status-" + code;
    }
}
