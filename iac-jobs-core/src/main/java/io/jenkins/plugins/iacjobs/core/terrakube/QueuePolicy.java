package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Locale;

/**
 * What to do when the workspace already runs a job: Terrakube runs one job of a workspace at a time, and a job created
 * behind another one stays {@code pending} until the earlier one ends (API-DIGEST §2.5).
 */
public enum QueuePolicy {
    /** Submit anyway and wait behind the earlier job; the log names it and its status (the timeout still applies). */
    WAIT,
    /** Create no job while another job of the workspace is active: fail at once, naming it. */
    FAIL;

    /** Parses {@code wait} or {@code fail}, any case; null or blank is {@link #WAIT}. */
    public static QueuePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return WAIT;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("queue", "'" + text + "' is not a queue policy; use wait (submit and wait behind"
                    + " the workspace's active job) or fail (create no job while the workspace runs one)");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
