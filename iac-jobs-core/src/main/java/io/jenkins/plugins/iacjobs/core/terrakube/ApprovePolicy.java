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
    WAIT,
    /**
     * Keep watching while the front end asks a person: Jenkins shows Approve and Reject on the build page
     * ({@code input}), the CLI asks on its terminal ({@code prompt}). Decisions go through
     * {@link TerrakubeJobs#approve} and {@link TerrakubeJobs#reject}.
     */
    INPUT;

    /** Parses {@code auto}, {@code never}, {@code wait} or {@code input} ({@code prompt}), any case; null or blank is {@link #WAIT}. */
    public static ApprovePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return WAIT;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("PROMPT")) {
            return INPUT;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("approve", "'" + text + "' is not a policy; use auto (approve the job),"
                    + " never (stop at waitingApproval), wait (wait for a person to approve it in Terrakube) or input"
                    + " (a person decides in Jenkins; prompt in the CLI)");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
