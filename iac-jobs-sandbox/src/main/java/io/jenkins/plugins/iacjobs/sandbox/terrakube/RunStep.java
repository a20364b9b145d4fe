package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** One step of a sandbox job. Guarded by the sandbox's lock. */
final class RunStep {
    final String id;
    final Flow flow;
    final byte[] log;
    String status = "pending";
    Instant runStart;
    Instant runEnd;
    /** What the step ends as when its run ends (completed or failed). */
    String outcome = "completed";

    RunStep(String id, Flow flow, byte[] log) {
        this.id = id;
        this.flow = flow;
        this.log = log;
    }

    /** The log as far as it has been written at {@code now}: it grows evenly while the step runs. */
    byte[] visibleLog(Instant now) {
        if (runStart == null || now.isBefore(runStart)) {
            return new byte[0];
        }
        if (runEnd == null || !now.isBefore(runEnd)) {
            return log;
        }
        long total = Duration.between(runStart, runEnd).toNanos();
        long done = Duration.between(runStart, now).toNanos();
        int n = total <= 0 ? log.length : (int) (log.length * (double) done / total);
        return Arrays.copyOf(log, Math.min(log.length, n));
    }

    boolean hasRun() {
        return runStart != null;
    }
}
