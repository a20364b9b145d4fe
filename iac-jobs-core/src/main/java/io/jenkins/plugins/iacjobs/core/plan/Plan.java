package io.jenkins.plugins.iacjobs.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan would do: how many resources it adds, changes and destroys, and which. Read from a Genesys dry run's
 * results or a Terraform plan's output; a part we could not read stays in the raw evidence ({@code job.json},
 * {@code log.txt}), and {@code complete} says whether the counts came from the plan's own summary.
 *
 * @param noChanges the plan said it changes nothing
 * @param complete  the counts are the plan's own (its summary line or summary object), not only what we counted
 * @param source    where it was read: {@code "genesys results"} or {@code "terraform output"}
 */
public record Plan(int add, int change, int destroy, List<PlannedChange> resources, boolean noChanges, boolean complete,
                   String source) {

    /** How many resources front ends list before they point at the full list. */
    public static final int SHOWN = 20;

    public Plan {
        resources = List.copyOf(resources);
    }

    /** Counted from the resources, for plans without a summary of their own. */
    static Plan counted(List<PlannedChange> resources, String source) {
        int add = 0;
        int change = 0;
        int destroy = 0;
        for (PlannedChange c : resources) {
            switch (c.action()) {
                case CREATE -> add++;
                case UPDATE -> change++;
                case DESTROY -> destroy++;
                case REPLACE -> {
                    add++;
                    destroy++;
                }
            }
        }
        return new Plan(add, change, destroy, resources, resources.isEmpty(), false, source);
    }

    public boolean hasChanges() {
        return add + change + destroy > 0;
    }

    /** {@code Plan: 1 to add, 0 to change, 0 to destroy.} or {@code No changes.} */
    public String headline() {
        return !hasChanges() && resources.isEmpty() ? "No changes."
                : "Plan: " + add + " to add, " + change + " to change, " + destroy + " to destroy.";
    }

    /** The first {@link #SHOWN} resources as sign-and-address lines. */
    public List<String> shownLines() {
        return resources.stream().limit(SHOWN).map(PlannedChange::line).toList();
    }

    public int hiddenCount() {
        return Math.max(0, resources.size() - SHOWN);
    }

    /** How a cut list says so: {@code the first 20 of 32 resources}. */
    public String shownOfAll() {
        return "the first " + Math.min(SHOWN, resources.size()) + " of " + resources.size() + " resources";
    }

    /** The whole plan as text a person reads: the headline, then one line per resource. */
    public String text() {
        StringBuilder b = new StringBuilder(headline()).append('\n');
        if (!resources.isEmpty()) {
            b.append('\n');
            resources.forEach(r -> b.append("  ").append(r.line()).append('\n'));
        }
        return b.toString();
    }

    /** Plain JDK values: for {@code plan.json} and for the step's return value in a sandboxed Pipeline. */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("add", add);
        m.put("change", change);
        m.put("destroy", destroy);
        m.put("noChanges", noChanges);
        m.put("complete", complete);
        m.put("source", source);
        List<Map<String, String>> list = new ArrayList<>();
        for (PlannedChange c : resources) {
            LinkedHashMap<String, String> r = new LinkedHashMap<>();
            r.put("action", c.action().word());
            r.put("address", c.address());
            r.put("type", c.type());
            r.put("name", c.name());
            list.add(r);
        }
        m.put("resources", new ArrayList<>(list));
        return m;
    }
}
