package io.jenkins.plugins.iacjobs.core.plan;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan would do: how many resources it adds, changes and destroys, and which. Read from a Genesys dry run's
 * results or a Terraform plan's output; a part we could not read stays in the raw evidence ({@code job.json},
 * {@code log.txt}), and {@code complete} says whether the counts came from the plan's own summary.
 *
 * <p>A plan holds at most {@link #KEPT} resources (and their addresses at most {@link #KEPT_CHARS} chars), whatever
 * the size of what it was read from: a plan of millions of resources keeps the first ones and counts them all
 * ({@link #resourceCount}), and the job's results or log, kept on disk, list every one.
 *
 * @param resources     the first resources the plan names, at most {@link #KEPT}
 * @param noChanges     the plan said it changes nothing
 * @param complete      the counts are the plan's own (its summary line or summary object), not only what we counted
 * @param source        where it was read: {@code "genesys results"} or {@code "terraform output"}
 * @param resourceCount how many resources the plan names in all, kept or not (never fewer than {@code resources})
 * @param fingerprint   a digest of every resource the plan names, kept or not, and what it does to each: equal for two
 *                      plans that make the same changes, whatever order or other output they came with. {@code v1:} and
 *                      64 hex digits as read; {@code v2:} once {@link #forInputs} added the target and the inputs it
 *                      was planned for, which is how every front end reports a plan it submitted.
 */
public record Plan(int add, int change, int destroy, List<PlannedChange> resources, boolean noChanges, boolean complete,
                   String source, int resourceCount, String fingerprint) {

    /** How many resources front ends list before they point at the full list. */
    public static final int SHOWN = 20;
    /** How many resources a plan keeps in memory at most; the rest are counted only. */
    public static final int KEPT = 1000;
    /** How many chars of addresses a plan keeps at most (so 1,000 absurdly long addresses cannot fill a heap either). */
    public static final int KEPT_CHARS = 1 << 20;

    public Plan {
        resources = List.copyOf(resources);
        resourceCount = Math.max(resourceCount, resources.size());
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** A plan that lists every resource it names. */
    public Plan(int add, int change, int destroy, List<PlannedChange> resources, boolean noChanges, boolean complete,
                String source) {
        this(add, change, destroy, resources, noChanges, complete, source, resources.size(),
                PlanFingerprint.of(add, change, destroy, resources));
    }

    /**
     * This plan with a fingerprint that also covers the target and inputs it was planned for ({@code v2:}), so that a
     * plan made for other inputs, or for another target, never matches it.
     *
     * @param inputsDigest {@link PlanFingerprint#inputs} of the request; null when unknown (a job attached by id): the
     *                     plan is returned as it is, with its {@code v1:} fingerprint
     */
    public Plan forInputs(@CheckForNull String inputsDigest) {
        if (inputsDigest == null || !fingerprint.startsWith(PlanFingerprint.VERSION + ":")) {
            return this;
        }
        return new Plan(add, change, destroy, resources, noChanges, complete, source, resourceCount,
                PlanFingerprint.withInputs(fingerprint, inputsDigest));
    }

    /** The fingerprint's first 12 hex digits, as a person compares two of them. */
    public String shortFingerprint() {
        return shortFingerprint(fingerprint);
    }

    /** The first 12 hex digits of a fingerprint kept as a string. */
    public static String shortFingerprint(String fingerprint) {
        int colon = fingerprint.indexOf(':');
        return fingerprint.substring(colon + 1, Math.min(fingerprint.length(), colon + 13));
    }

    public boolean hasChanges() {
        return add + change + destroy > 0;
    }

    /** Whether {@link #resources} lists every resource the plan names, or only the first ones. */
    public boolean listsAll() {
        return resources.size() >= resourceCount;
    }

    /** {@code Plan: 1 to add, 0 to change, 0 to destroy.} or {@code No changes.} */
    public String headline() {
        return !hasChanges() && resourceCount == 0 ? "No changes."
                : "Plan: " + add + " to add, " + change + " to change, " + destroy + " to destroy.";
    }

    /** The first {@link #SHOWN} resources as sign-and-address lines. */
    public List<String> shownLines() {
        return resources.stream().limit(SHOWN).map(PlannedChange::line).toList();
    }

    /** How many resources a list of the first {@link #SHOWN} leaves out. */
    public int hiddenCount() {
        return Math.max(0, resourceCount - SHOWN);
    }

    /** How a cut list says so: {@code the first 20 of 32 resources}. */
    public String shownOfAll() {
        return "the first " + Math.min(SHOWN, resources.size()) + " of " + resourceCount + " resources";
    }

    /**
     * The plan as text a person reads: the headline, then one line per resource kept, and how many more there are
     * when the plan was too big to keep them all.
     */
    public String text() {
        StringBuilder b = new StringBuilder(headline()).append('\n');
        if (!resources.isEmpty()) {
            b.append('\n');
            resources.forEach(r -> b.append("  ").append(r.line()).append('\n'));
        }
        if (!listsAll()) {
            b.append("  ... and ").append(resourceCount - resources.size()).append(" more resources (")
                    .append(shownOfAllKept()).append(" are listed here; the job's results or log list every one)\n");
        }
        return b.toString();
    }

    private String shownOfAllKept() {
        return "the first " + resources.size() + " of " + resourceCount;
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
        m.put("resourceCount", resourceCount);
        m.put("fingerprint", fingerprint);
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
