package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What tenant to generate. The same spec always gives the same organisations and jobs.
 *
 * @param seed          drives every random choice
 * @param organisations how many organisations (at most {@link #NAMES}.length); the last one's recent backups
 *                      all fail, so a {@code stale} gate has something to find
 * @param jobs          how many jobs, spread evenly over {@code span}
 * @param span          how far back the jobs go from {@code anchor}
 * @param anchor        the newest job's start; jobs in its last two hours may still be in progress
 */
public record TenantSpec(long seed, int organisations, int jobs, Duration span, Instant anchor) {
    /** The organisations a tenant is made of, in order; one name has a comma and quotes, as real ones may. */
    static final String[] NAMES = {"contoso-prod", "contoso-uat", "Fabrikam Sales", "Northwind, \"EMEA\"", "adatum-service",
        "tailspin-archive", "litware-dev", "wingtip-crm"};


    public TenantSpec {
        if (organisations < 1 || organisations > NAMES.length) {
            throw new IllegalArgumentException("organisations must be 1.." + NAMES.length + ", got " + organisations);
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must not be negative");
        }
        if (span.isZero() || span.isNegative()) {
            throw new IllegalArgumentException("span must be positive");
        }
    }

    /** Seed 42, 6 organisations, 12,000 jobs over 30 days up to now (to the minute): 400 a day. */
    public static TenantSpec defaults() {
        return new TenantSpec(42, 6, 12_000, Duration.ofDays(30), Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    public TenantSpec withJobs(int n) {
        return new TenantSpec(seed, organisations, n, span, anchor);
    }

    public TenantSpec withSpan(Duration d) {
        return new TenantSpec(seed, organisations, jobs, d, anchor);
    }

    public TenantSpec withSeed(long s) {
        return new TenantSpec(s, organisations, jobs, span, anchor);
    }

    public TenantSpec withAnchor(Instant a) {
        return new TenantSpec(seed, organisations, jobs, span, a);
    }
}
