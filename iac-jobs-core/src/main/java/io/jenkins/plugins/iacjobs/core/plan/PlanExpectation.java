package io.jenkins.plugins.iacjobs.core.plan;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Apply exactly what was reviewed" ({@code expectPlan}, {@code --expect-plan}): the fingerprint of the plan a person
 * reviewed, and the check of a fresh dry run of the same inputs against it. The apply is submitted only when the two
 * match; otherwise nothing is applied and the message names both fingerprints and the resources that differ.
 *
 * <p>A Genesys dry run and its apply are two jobs, so the check costs one more dry run, and what changes in the
 * seconds between that dry run and the apply is not covered: the check narrows the window from the review's hours
 * to those seconds.
 *
 * @param fingerprint the reviewed plan's fingerprint, {@code v2:} and 64 hex digits
 * @param field       the option as the user gave it, for messages: {@code expectPlan} or {@code --expect-plan}
 */
public record PlanExpectation(String fingerprint, String field) {
    /** How many differing resources a message lists before it says how many more there are. */
    public static final int LISTED = 20;
    private static final Pattern V2 = Pattern.compile("v2:[0-9a-f]{64}");

    /**
     * Reads the option as given: a {@code v2:} fingerprint as {@code job.plan.fingerprint} and {@code plan.json} give it.
     *
     * @param field the option's name, for the message: {@code expectPlan} or {@code --expect-plan}
     */
    public static PlanExpectation parse(String field, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new ValidationException(field, "is empty; give the fingerprint of the reviewed plan (job.plan.fingerprint,"
                    + " v2: and 64 hex digits)");
        }
        if (V2.matcher(t).matches()) {
            return new PlanExpectation(t, field);
        }
        if (t.startsWith(PlanFingerprint.VERSION + ":")) {
            throw new ValidationException(field, "'" + Printable.of(text.strip()) + "' is a v1 fingerprint, made without the"
                    + " job's inputs (a job attached by id); give the v2 fingerprint of a plan this plugin submitted, as"
                    + " job.plan.fingerprint returns it");
        }
        throw new ValidationException(field, "'" + Printable.of(text.strip()) + "' is not a plan fingerprint; give"
                + " job.plan.fingerprint of the reviewed plan (v2: and 64 hex digits), not its short form");
    }

    /** The short form a person compares: the first 12 hex digits. */
    public String shortForm() {
        return Plan.shortFingerprint(fingerprint);
    }

    /**
     * Checks the dry run's plan against the reviewed one.
     *
     * @param dryRun   the job id of the dry run, for the message
     * @param planned  what the dry run planned; null when its plan could not be read (nothing is applied then)
     * @param reviewed the reviewed plan where the front end still has it (the same build, an earlier one, a plan.json),
     *                 to list what differs; null when only its fingerprint is known
     */
    public Verdict check(String dryRun, @CheckForNull Plan planned, @CheckForNull Plan reviewed) {
        if (planned == null) {
            return new Verdict(false, null, field + ": the plan of dry run " + dryRun + " could not be read, so it cannot be"
                    + " compared with the reviewed plan " + shortForm() + ". Nothing was applied; its log and results are"
                    + " archived.", List.of());
        }
        if (planned.fingerprint().equals(fingerprint)) {
            return new Verdict(true, planned.fingerprint(), "Dry run " + dryRun + " planned what was reviewed (fingerprint "
                    + shortForm() + ", " + planned.headline().replace("Plan: ", "") + "): applying it.", List.of());
        }
        String message = field + ": the plan changed since it was reviewed. Reviewed " + fingerprint + ", but dry run " + dryRun
                + " with the same inputs planned " + planned.fingerprint() + " (" + planned.headline().replaceAll("\\.$", "")
                + "). Nothing was applied."
                + " Review the new plan; to apply it, run again with " + (field.startsWith("-") ? field + " '" : field + ": '")
                + planned.fingerprint() + "'.";
        return new Verdict(false, planned.fingerprint(), message, differences(planned, reviewed));
    }

    /** The resources that differ, one line each, headed; or, without the reviewed plan, what the dry run plans. */
    static List<String> differences(Plan planned, @CheckForNull Plan reviewed) {
        List<String> b = new ArrayList<>();
        if (reviewed == null) {
            if (planned.resources().isEmpty()) {
                b.add("The reviewed plan itself is not at hand (only its fingerprint); the dry run plans no resources, so the"
                        + " inputs, the target or the remote differ.");
            } else {
                b.add("The reviewed plan itself is not at hand (only its fingerprint), so it cannot be listed beside this one;"
                        + " the dry run plans:");
                planned.resources().stream().limit(LISTED).forEach(r -> b.add("  " + Printable.of(r.line())));
                if (planned.resourceCount() > LISTED) {
                    b.add("  … and " + (planned.resourceCount() - LISTED) + " more");
                }
            }
            return b;
        }
        List<String> added = minus(planned.resources(), reviewed.resources());
        List<String> gone = minus(reviewed.resources(), planned.resources());
        if (added.isEmpty() && gone.isEmpty()) {
            b.add(reviewed.listsAll() && planned.listsAll()
                    ? "Both plan the same resources: the target or an input differs from the reviewed run's."
                    : "The first resources kept of each are the same; they differ further on (both logs list every one).");
            return b;
        }
        b.add("Resources that differ (" + (added.size() + gone.size()) + "):");
        int listed = 0;
        for (String line : added) {
            if (listed++ < LISTED) {
                b.add("  " + Printable.of(line) + "   (new: not in the reviewed plan)");
            }
        }
        for (String line : gone) {
            if (listed++ < LISTED) {
                b.add("  " + Printable.of(line) + "   (reviewed, no longer planned)");
            }
        }
        if (listed > LISTED) {
            b.add("  … and " + (listed - LISTED) + " more");
        }
        return b;
    }

    /** The lines of {@code a} not matched in {@code b}, counted as multisets, in {@code a}'s order. */
    private static List<String> minus(List<PlannedChange> a, List<PlannedChange> b) {
        Map<String, Integer> left = new HashMap<>();
        b.forEach(c -> left.merge(c.line(), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (PlannedChange c : a) {
            String line = c.line();
            Integer n = left.get(line);
            if (n == null || n == 0) {
                out.add(line);
            } else {
                left.put(line, n - 1);
            }
        }
        return out;
    }

    /**
     * The outcome of the check.
     *
     * @param matches     the dry run planned what was reviewed: the apply may be submitted
     * @param planned     the dry run's fingerprint, or null when its plan could not be read
     * @param message     one line for a person: the go-ahead, or why nothing was applied and how to go on
     * @param differences the lines that show what differs, to print before the message (one per line in a log)
     */
    public record Verdict(boolean matches, @CheckForNull String planned, String message, List<String> differences) {
        public Verdict {
            differences = List.copyOf(differences);
        }
    }

    /**
     * What an approval records of the plan it was given on: {@code on plan 3f9a2c1b0d4e (+3 ~0 -0)}, or that the plan
     * could not be read, so a later reader knows exactly which plan a person approved.
     */
    public static String approvedOn(@CheckForNull Plan shown) {
        if (shown == null) {
            return "on a plan that could not be read from the log";
        }
        return "on plan " + shown.fingerprint() + " (+" + shown.add() + " ~" + shown.change() + " -" + shown.destroy() + ")";
    }
}
