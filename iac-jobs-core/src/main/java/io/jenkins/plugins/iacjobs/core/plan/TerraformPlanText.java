package io.jenkins.plugins.iacjobs.core.plan;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plan from Terraform's human output: the {@code # address will be created / updated in-place / destroyed
 * / must be replaced} lines, up to the {@code Plan: X to add, Y to change, Z to destroy.} or {@code No changes.}
 * line that ends a plan. Lines after it (an apply step's output) are not part of the plan.
 *
 * <p>Memory is bounded whatever the text: it is read in chunks, only the first {@link #MAX_LINE} chars of a line are
 * looked at (a longer line is read past, never held), and the plan keeps the first {@link Plan#KEPT} resources while
 * counting them all.
 */
public final class TerraformPlanText {
    private static final Pattern RESOURCE = Pattern.compile(
            "^\\s*(?:#\\s+)?(?:-/\\+|\\+/-|[+~-])?\\s*(\\S+)\\s+(will be created|will be updated in-place|will be destroyed|must be replaced|will be replaced)\\b");
    private static final Pattern SUMMARY = Pattern.compile(
            "Plan:(?:\\s*(\\d+) to import,)?\\s*(\\d+) to add,\\s*(\\d+) to change,\\s*(\\d+) to destroy\\.");
    private static final Pattern NO_CHANGES = Pattern.compile("^\\s*No changes\\.");
    static final String SOURCE = "terraform output";
    /** The chars of a line looked at; Terraform's plan lines are far shorter, the rest of a longer line is skipped. */
    public static final int MAX_LINE = 16 * 1024;

    private TerraformPlanText() {
    }

    public static Optional<Plan> read(String text) {
        return read(new StringReader(text));
    }

    /** The plan, or empty when the text holds neither a planned resource nor a plan summary. Closes {@code text}. */
    public static Optional<Plan> read(Reader text) {
        PlanTally tally = new PlanTally();
        char[] buf = new char[8 * 1024];
        StringBuilder line = new StringBuilder();
        try (Reader in = text) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        append(line, buf, start, i);
                        Plan end = line(line, tally);
                        if (end != null) {
                            return Optional.of(end);
                        }
                        line.setLength(0);
                        start = i + 1;
                    }
                }
                append(line, buf, start, n);
            }
            if (line.length() > 0) {
                Plan end = line(line, tally);
                if (end != null) {
                    return Optional.of(end);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tally.count() == 0 ? Optional.empty() : Optional.of(tally.counted(SOURCE));
    }

    /** Adds {@code buf[from, to)} to the line, up to {@link #MAX_LINE} chars in all. */
    private static void append(StringBuilder line, char[] buf, int from, int to) {
        int room = MAX_LINE - line.length();
        if (room > 0 && to > from) {
            line.append(buf, from, Math.min(to - from, room));
        }
    }

    /** Counts a resource line; returns the plan when the line ends it (its summary, or "No changes."). */
    @CheckForNull
    private static Plan line(StringBuilder raw, PlanTally tally) {
        int len = raw.length();
        if (len > 0 && raw.charAt(len - 1) == '\r') {
            raw.setLength(len - 1);
        }
        String line = Ansi.strip(raw.toString());
        Matcher s = SUMMARY.matcher(line);
        if (s.find()) {
            return tally.summarised(count(s.group(2)), count(s.group(3)), count(s.group(4)), false, SOURCE);
        }
        if (NO_CHANGES.matcher(line).find()) {
            return tally.summarised(0, 0, 0, true, SOURCE);
        }
        Matcher r = RESOURCE.matcher(line);
        if (r.find()) {
            tally.add(PlannedChange.of(action(r.group(2)), r.group(1)));
        }
        return null;
    }

    /** A count as the plan prints it; one too large for an int is taken as the largest. */
    private static int count(String digits) {
        return digits.length() > 10 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(digits));
    }

    private static PlannedChange.Action action(String words) {
        return switch (words) {
            case "will be created" -> PlannedChange.Action.CREATE;
            case "will be updated in-place" -> PlannedChange.Action.UPDATE;
            case "will be destroyed" -> PlannedChange.Action.DESTROY;
            default -> PlannedChange.Action.REPLACE;
        };
    }
}
