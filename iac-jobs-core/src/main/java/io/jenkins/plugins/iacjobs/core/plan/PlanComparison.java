package io.jenkins.plugins.iacjobs.core.plan;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;

/**
 * How a plan compares with the previous plan of the same target, by {@link Plan#fingerprint()}: so a drift check that
 * finds the same changes night after night says "same as build #12" instead of reading like a new drift each time.
 *
 * @param prior what the front end kept of the previous plan
 * @param same  the two plans make the same changes
 * @param nowHasChanges the plan compared makes changes
 */
public record PlanComparison(Prior prior, boolean same, boolean nowHasChanges) {

    /**
     * The previous plan of the same target, as a front end kept it.
     *
     * @param label      how a person finds it: {@code build #12}
     * @param fingerprint its {@link Plan#fingerprint()}
     * @param hadChanges it planned changes
     * @param firstSeen  where its changes were first seen, when it had the same as the one before it; or null
     */
    public record Prior(String label, String fingerprint, boolean hadChanges, @CheckForNull String firstSeen) {
        public Prior {
            label = Printable.of(label);
            firstSeen = Printable.orNull(firstSeen);
        }
    }

    /** The comparison of {@code plan} with {@code prior}; null when there is nothing to compare with. */
    public static @CheckForNull PlanComparison of(@CheckForNull Plan plan, @CheckForNull Prior prior) {
        if (plan == null || prior == null || !version(plan.fingerprint()).equals(version(prior.fingerprint()))) {
            return null; // a fingerprint of another version (one kept before the inputs counted) compares with nothing
        }
        return new PlanComparison(prior, plan.fingerprint().equals(prior.fingerprint()), plan.hasChanges());
    }

    private static String version(String fingerprint) {
        int colon = fingerprint.indexOf(':');
        return colon < 0 ? "" : fingerprint.substring(0, colon);
    }

    /** The same changes as the previous plan, which had some: a drift that stays. */
    public boolean sameChanges() {
        return same && nowHasChanges;
    }

    /**
     * Where the changes of the plan compared were first seen: the previous plan's first sighting when they are the same,
     * {@code ownLabel} when they are new; null when it changes nothing.
     */
    public @CheckForNull String firstSeen(String ownLabel) {
        if (!nowHasChanges) {
            return null;
        }
        if (!same) {
            return ownLabel;
        }
        return prior.firstSeen() != null ? prior.firstSeen() : prior.label();
    }

    /** One sentence for a person: {@code Same changes as build #12 (first seen in build #9).} */
    public String sentence() {
        String before = prior.label();
        if (same) {
            if (!nowHasChanges) {
                return "No changes, as in " + before + ".";
            }
            String first = prior.firstSeen();
            return "Same changes as " + before + (first != null && !first.equals(before) ? " (first seen in " + first + ")" : "") + ".";
        }
        if (nowHasChanges && !prior.hadChanges()) {
            return "New changes: " + before + " planned none.";
        }
        if (!nowHasChanges) {
            return "No changes now; " + before + " planned some.";
        }
        return "Different changes from " + before + ".";
    }
}
