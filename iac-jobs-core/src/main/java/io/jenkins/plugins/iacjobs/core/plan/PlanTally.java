package io.jenkins.plugins.iacjobs.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts a plan's resources as they are read, and keeps the first ones: at most {@link Plan#KEPT}, with at most
 * {@link Plan#KEPT_CHARS} chars of addresses. Memory stays bounded however many resources the plan names; counts
 * saturate at {@link Integer#MAX_VALUE}.
 */
final class PlanTally {
    private final List<PlannedChange> kept = new ArrayList<>();
    private final PlanFingerprint fingerprint = new PlanFingerprint();
    private long keptChars;
    private boolean keeping = true;
    private int count;
    private int add;
    private int change;
    private int destroy;

    void add(PlannedChange c) {
        count = plus(count);
        fingerprint.add(c);
        switch (c.action()) {
            case CREATE -> add = plus(add);
            case UPDATE -> change = plus(change);
            case DESTROY -> destroy = plus(destroy);
            case REPLACE -> {
                add = plus(add);
                destroy = plus(destroy);
            }
        }
        if (!keeping) {
            return;
        }
        String address = c.address();
        long chars = address == null ? 0 : address.length();
        if (kept.size() >= Plan.KEPT || keptChars + chars > Plan.KEPT_CHARS) {
            keeping = false; // the kept ones stay the first ones
            return;
        }
        kept.add(c);
        keptChars += chars;
    }

    int count() {
        return count;
    }

    /** Counted from the resources: for plans without a summary of their own. */
    Plan counted(String source) {
        return plan(add, change, destroy, count == 0, false, source);
    }

    /** Counted from the resources of a plan that lists all it does (a JSON plan), so the counts are complete. */
    Plan listed(String source) {
        return plan(add, change, destroy, count == 0, true, source);
    }

    /** With the counts of the plan's own summary. */
    Plan summarised(int add, int change, int destroy, boolean noChanges, String source) {
        return plan(add, change, destroy, noChanges, true, source);
    }

    private Plan plan(int add, int change, int destroy, boolean noChanges, boolean complete, String source) {
        return new Plan(add, change, destroy, kept, noChanges, complete, source, count, fingerprint.digest(add, change, destroy));
    }

    private static int plus(int n) {
        return n == Integer.MAX_VALUE ? n : n + 1;
    }
}
