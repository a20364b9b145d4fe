package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where streaming a job's step logs has got to, persisted in the watch handle so a resumed watch writes no byte
 * twice. Text form: {@code policy:auto;<stepId>:<bytes>;<stepId>:<bytes>!;approved:<waitKey>;unsure:<waitKey>:<n>},
 * where {@code !} marks a step whose log is complete, {@code approved:} records an approval the server confirmed,
 * so it is never sent again, even after a restart, and {@code unsure:} one whose answer was lost after {@code n}
 * sends. {@code behind:<jobId>:<status>} is the earlier job of the workspace this one was last said to wait behind,
 * so the build log says so once and again only when that changes, even across a restart. Mutable, for the duration
 * of one poll.
 */
final class LogCursor {
    private static final String POLICY = "policy:";
    private static final String APPROVED = "approved:";
    private static final String UNSURE = "unsure:";
    private static final String BEHIND = "behind:";

    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final Set<String> closed = new LinkedHashSet<>();
    private final Set<String> approved = new LinkedHashSet<>();
    private final Map<String, Integer> unsure = new LinkedHashMap<>();
    @CheckForNull
    private ApprovePolicy policy;
    /** {@code <jobId>:<status>} of the job this one waits behind, as last said; null when it waits behind none. */
    @CheckForNull
    private String behind;

    static LogCursor parse(@CheckForNull String text) {
        LogCursor c = new LogCursor();
        if (text == null || text.isBlank()) {
            return c;
        }
        for (String entry : text.split(";")) {
            String e = entry.strip();
            if (e.startsWith(POLICY)) {
                try {
                    c.policy = ApprovePolicy.parse(e.substring(POLICY.length()));
                } catch (RuntimeException ignored) {
                    // an unreadable policy falls back to the connection's
                }
            } else if (e.startsWith(APPROVED)) {
                c.approved.add(e.substring(APPROVED.length()));
            } else if (e.startsWith(BEHIND)) {
                c.behind = e.substring(BEHIND.length());
            } else if (e.startsWith(UNSURE)) {
                String rest = e.substring(UNSURE.length());
                int colon = rest.lastIndexOf(':');
                try {
                    c.unsure.put(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
                } catch (RuntimeException ignored) {
                    c.approved.add(colon > 0 ? rest.substring(0, colon) : rest); // damaged: never send again
                }
            } else {
                int colon = e.lastIndexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String id = e.substring(0, colon);
                String n = e.substring(colon + 1);
                boolean done = n.endsWith("!");
                try {
                    c.offsets.put(id, Long.parseLong(done ? n.substring(0, n.length() - 1) : n));
                    if (done) {
                        c.closed.add(id);
                    }
                } catch (NumberFormatException ignored) {
                    // a damaged entry restarts that step's log rather than failing the watch
                }
            }
        }
        return c;
    }

    /** Bytes of the step's log already written; -1 when its header has not been written yet. */
    long offset(String stepId) {
        return offsets.getOrDefault(stepId, -1L);
    }

    boolean started(String stepId) {
        return offsets.containsKey(stepId);
    }

    void advance(String stepId, long offset) {
        offsets.put(stepId, offset);
    }

    boolean isClosed(String stepId) {
        return closed.contains(stepId);
    }

    void close(String stepId) {
        closed.add(stepId);
        offsets.putIfAbsent(stepId, 0L);
    }

    boolean wasApproved(String waitKey) {
        return approved.contains(waitKey);
    }

    void approved(String waitKey) {
        approved.add(waitKey);
        unsure.remove(waitKey);
    }

    void unapprove(String waitKey) {
        approved.remove(waitKey);
        unsure.remove(waitKey);
    }

    /** How many approvals were sent for this wait whose answers were lost (0: none). */
    int unsureSends(String waitKey) {
        return unsure.getOrDefault(waitKey, 0);
    }

    /** An approval was sent and its answer lost: not confirmed, so a later poll may check and send again. */
    void approvalUnsure(String waitKey) {
        approved.remove(waitKey);
        unsure.merge(waitKey, 1, Integer::sum);
    }

    @CheckForNull
    ApprovePolicy policy() {
        return policy;
    }

    void policy(ApprovePolicy p) {
        policy = p;
    }

    /** {@code <jobId>:<status>} of the earlier job last said to hold this one back, or null. */
    @CheckForNull
    String behind() {
        return behind;
    }

    void behind(@CheckForNull String jobAndStatus) {
        behind = jobAndStatus;
    }

    /** Total log bytes written across steps. */
    long totalBytes() {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    String format() {
        StringBuilder b = new StringBuilder();
        if (policy != null) {
            b.append(POLICY).append(policy.wire());
        }
        offsets.forEach((id, n) -> {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(id).append(':').append(n).append(closed.contains(id) ? "!" : "");
        });
        for (String k : approved) {
            b.append(b.length() > 0 ? ";" : "").append(APPROVED).append(k);
        }
        unsure.forEach((k, n) -> b.append(b.length() > 0 ? ";" : "").append(UNSURE).append(k).append(':').append(n));
        if (behind != null) {
            b.append(b.length() > 0 ? ";" : "").append(BEHIND).append(behind);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
