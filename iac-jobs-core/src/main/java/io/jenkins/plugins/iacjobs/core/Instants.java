package io.jenkins.plugins.iacjobs.core;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One way to write a moment in every file and line we print: ISO-8601 in UTC, to the second
 * ({@code 2026-12-04T21:33:57Z}). {@link Instant#toString()} drops the fraction only when it is zero, so the same
 * column would mix {@code …:57Z} and {@code …:57.123456789Z}.
 */
public final class Instants {
    private Instants() {
    }

    /** The instant to the second, or {@code null} for null. */
    @CheckForNull
    public static String seconds(@CheckForNull Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
