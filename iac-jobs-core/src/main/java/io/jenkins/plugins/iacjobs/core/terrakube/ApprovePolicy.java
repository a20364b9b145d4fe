package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Locale;

/** What to do when a job reaches {@code waitingApproval}. */
public enum ApprovePolicy {
    /** Approve it (one PATCH per approval wait, never two: approving is not idempotent in Terrakube). */
    AUTO,
    /** Stop watching and return with status {@code waitingApproval}; the job stays waiting in Terrakube. */
    NEVER,
    /** Keep watching until someone approves or rejects it in Terrakube (or the timeout ends the wait). */
    WAIT;

    /** Parses {@code auto}, {@code never} or {@code wait}, any case; null or blank is {@link #WAIT}. */
    public static ApprovePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return WAIT;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("approve", "'" + text + "' is not a policy; use auto (approve the job),"
                    + " never (stop at waitingApproval) or wait (wait for a person to approve it in Terrakube)");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
