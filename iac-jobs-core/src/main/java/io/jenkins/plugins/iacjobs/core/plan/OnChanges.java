package io.jenkins.plugins.iacjobs.core.plan;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a plan-only run does when its plan has changes: the drift watch. {@code ignore} (the default) leaves the
 * outcome to the job alone; {@code unstable} marks it (a build UNSTABLE, the CLI's exit code 6); {@code fail} fails it.
 * A plan that could not be read cannot rule drift out, so it counts as one with changes.
 */
public enum OnChanges {
    IGNORE, UNSTABLE, FAIL;

    /** The option's value as written: {@code ignore}, {@code unstable} or {@code fail}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the option; empty is {@code ignore}.
     *
     * @param field how the user wrote the option ({@code onChanges}, {@code --on-changes})
     */
    public static OnChanges parse(String field, @CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return IGNORE;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (OnChanges o : values()) {
            if (o.word().equals(v)) {
                return o;
            }
        }
        throw new ValidationException(field, "'" + Printable.of(value) + "' is not one of "
                + Arrays.stream(values()).map(o -> "'" + o.word() + "'").collect(Collectors.joining(", "))
                + "; use 'unstable' or 'fail' to act on a plan with changes, or leave it out");
    }

    /**
     * Refuses a policy that cannot apply: only a plan-only run reports drift (an apply makes its changes).
     *
     * @param planOnlyField how the user turns plan-only on ({@code planOnly: true}, {@code --plan-only})
     */
    public void requirePlanOnly(String field, String planOnlyField, boolean planOnly) {
        if (this != IGNORE && !planOnly) {
            throw new ValidationException(field, "'" + word() + "' applies to plan-only runs (a drift check), and this run "
                    + "applies its changes; add " + planOnlyField + ", or leave " + field + " out");
        }
    }

    /** Whether this policy acts on {@code plan}: it has changes, or could not be read. */
    public boolean actsOn(@CheckForNull Plan plan) {
        return this != IGNORE && (plan == null || plan.hasChanges());
    }

    /**
     * What a front end says when the policy acts: the plan's headline and, where known, how it compares with the
     * previous plan ({@code Plan: 1 to add, 0 to change, 0 to destroy. Same changes as build #3.}).
     */
    public static String drift(@CheckForNull Plan plan, @CheckForNull PlanComparison compared) {
        if (plan == null) {
            return "The plan could not be read, so drift cannot be ruled out.";
        }
        return "Drift: " + plan.headline() + (compared == null ? "" : " " + compared.sentence());
    }
}
