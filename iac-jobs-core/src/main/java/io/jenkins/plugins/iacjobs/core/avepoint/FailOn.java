package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Locale;

/** When a backup report fails the build. */
public enum FailOn {
    /** Never: the report is evidence only. */
    NEVER,
    /** Any job in the window failed (status 4). */
    FAILED,
    /** Any job failed or finished with exception (status 4 or 7). */
    UNSUCCESSFUL,
    /** An organisation has no finished backup within {@code maxAge}. */
    STALE;

    public static final FailOn DEFAULT = FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailOn parse(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("failOn", "'" + value + "' is not a gate; use never, failed, unsuccessful or stale");
        }
    }
}
