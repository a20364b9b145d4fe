package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job's fixed facts. Its status is a function of the clock, computed on read, so jobs need no thread or timer.
 */
final class SandboxJob {

    final long sequence;
    final String id;
    final String acceleratorId;
    final boolean dryRun;
    final Map<String, String> parameters;
    final Instant submittedAt;
    final String submittedBy;
    final JobPlan plan;
    private final Instant queuedAt;
    private final Instant runningAt;
    private final Instant terminalAt;

    SandboxJob(long sequence, String id, String acceleratorId, boolean dryRun, Map<String, String> parameters,
               Instant submittedAt, String submittedBy, JobPlan plan, double timeScale) {
        this.sequence = sequence;
        this.id = id;
        this.acceleratorId = acceleratorId;
        this.dryRun = dryRun;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.plan = plan;
        this.queuedAt = submittedAt.plus(scale(plan.phase(0), timeScale));
        this.runningAt = queuedAt.plus(scale(plan.phase(1), timeScale));
        this.terminalAt = runningAt.plus(scale(plan.phase(2), timeScale));
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }

    JobStatus statusAt(Instant now) {
        if (now.isBefore(queuedAt)) {
            return JobStatus.CREATED;
        }
        if (now.isBefore(runningAt)) {
            return JobStatus.QUEUED;
        }
        if (now.isBefore(terminalAt)) {
            return JobStatus.RUNNING;
        }
        return plan.terminalStatus();
    }

    Instant terminalAt() {
        return terminalAt;
    }

    GenesysJob snapshot(Instant now) {
        return new GenesysJob(id, acceleratorId, dryRun, parameters, submittedAt, submittedBy, statusAt(now), terminalAt);
    }
}
