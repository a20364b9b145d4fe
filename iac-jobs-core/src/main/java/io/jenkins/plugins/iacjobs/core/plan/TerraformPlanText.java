package io.jenkins.plugins.iacjobs.core.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plan from Terraform's human output: the {@code # address will be created / updated in-place / destroyed
 * / must be replaced} lines, up to the {@code Plan: X to add, Y to change, Z to destroy.} or {@code No changes.}
 * line that ends a plan. Lines after it (an apply step's output) are not part of the plan. Streams: a log of any
 * size is read line by line.
 */
public final class TerraformPlanText {
    private static final Pattern RESOURCE = Pattern.compile(
            "^\\s*(?:#\\s+)?(?:-/\\+|\\+/-|[+~-])?\\s*(\\S+)\\s+(will be created|will be updated in-place|will be destroyed|must be replaced|will be replaced)\\b");
    private static final Pattern SUMMARY = Pattern.compile(
            "Plan:(?:\\s*(\\d+) to import,)?\\s*(\\d+) to add,\\s*(\\d+) to change,\\s*(\\d+) to destroy\\.");
    private static final Pattern NO_CHANGES = Pattern.compile("^\\s*No changes\\.");
    static final String SOURCE = "terraform output";

    private TerraformPlanText() {
    }

    public static Optional<Plan> read(String text) {
        return read(new StringReader(text));
    }

    /** The plan, or empty when the text holds neither a planned resource nor a plan summary. */
    public static Optional<Plan> read(Reader text) {
        List<PlannedChange> resources = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(text)) {
            String raw;
            while ((raw = in.readLine()) != null) {
                String line = Ansi.strip(raw);
                Matcher s = SUMMARY.matcher(line);
                if (s.find()) {
                    return Optional.of(new Plan(Integer.parseInt(s.group(2)), Integer.parseInt(s.group(3)),
                            Integer.parseInt(s.group(4)), resources, false, true, SOURCE));
                }
                if (NO_CHANGES.matcher(line).find()) {
                    return Optional.of(new Plan(0, 0, 0, resources, true, true, SOURCE));
                }
                Matcher r = RESOURCE.matcher(line);
                if (r.find()) {
                    resources.add(PlannedChange.of(action(r.group(2)), r.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources.isEmpty() ? Optional.empty() : Optional.of(Plan.counted(resources, SOURCE));
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
