package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One sandbox job and its state machine, advanced lazily to "now" on every request, with exact scheduled
 * instants so the outcome does not depend on how often anyone polls. Guarded by the sandbox's lock.
 */
final class SandboxRun {
    enum Phase { CREATED, BETWEEN, BLOCKED, QUEUE, RUNNING, WAITING_APPROVAL, DONE }

    final long id;
    final SandboxWorkspace workspace;
    final SandboxTemplate template; // null for the older API's command jobs
    final String command;           // null for template jobs
    final List<Flow> flows;
    final String branch;
    final String via;
    final String comments;
    final String createdBy;
    final Instant createdAt;
    final int logLines;
    final List<RunStep> steps = new ArrayList<>();
    String status = "pending";
    String approvalTeam;
    Boolean planChanges = Boolean.TRUE;
    Instant updatedAt;
    Phase phase = Phase.CREATED;
    Instant phaseEndsAt;
    int current;
    Instant doneAt;
    /** Approvals PATCHed while the job was not waiting for one; a real server would run the steps again. */
    int duplicateApprovals;

    SandboxRun(long id, SandboxWorkspace workspace, SandboxTemplate template, String command, List<Flow> flows, String branch,
               String via, String comments, String createdBy, Instant createdAt, Timings t, int logLines) {
        this.id = id;
        this.workspace = workspace;
        this.template = template;
        this.command = command;
        this.flows = flows;
        this.branch = branch;
        this.via = via;
        this.comments = comments;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.logLines = logLines;
        this.phaseEndsAt = createdAt.plus(t.stepsAppear());
    }

    boolean isDone() {
        return phase == Phase.DONE;
    }

    /**
     * Moves the job on to {@code now}.
     *
     * @param blocker     an earlier job of the same workspace that is not done, or null
     * @param unblockedAt when the last earlier job of the same workspace ended, or null
     */
    void advance(Instant now, Timings t, SandboxRun blocker, Instant unblockedAt) {
        settleCancelledSteps(now);
        while (phase != Phase.DONE) {
            if (phase == Phase.BLOCKED) {
                if (blocker != null) {
                    return;
                }
                phase = Phase.BETWEEN; // the earlier job ended; start from when it did
                phaseEndsAt = unblockedAt == null ? now : unblockedAt;
            }
            if (phaseEndsAt == null || now.isBefore(phaseEndsAt)) {
                return;
            }
            step(phaseEndsAt, t, blocker, unblockedAt);
        }
    }

    private void step(Instant at, Timings t, SandboxRun blocker, Instant unblockedAt) {
        switch (phase) {
            case CREATED -> {
                for (Flow f : flows) {
                    boolean fails = fails(f);
                    steps.add(new RunStep(Catalogue.uuid("step:" + id + ":" + f.step()), f,
                            f.isApproval() ? new byte[0] : StepLogs.render(id, f, fails, noChanges(f), logLines)));
                }
                enter(Phase.BETWEEN, "pending", at, at.plus(t.between()));
            }
            case BETWEEN -> {
                if (current >= steps.size()) {
                    finish("completed", at);
                } else if (current == 0 && blocker != null) {
                    phase = Phase.BLOCKED; // one active job per workspace
                    phaseEndsAt = null;
                } else if (current == 0 && unblockedAt != null && unblockedAt.isAfter(at)) {
                    phaseEndsAt = unblockedAt;
                } else if (steps.get(current).flow.isApproval()) {
                    RunStep s = steps.get(current);
                    s.status = "waitingApproval";
                    approvalTeam = s.flow.team();
                    enter(Phase.WAITING_APPROVAL, "waitingApproval", at, null);
                } else {
                    enter(Phase.QUEUE, "queue", at, at.plus(t.queue()));
                }
            }
            case QUEUE -> {
                RunStep s = steps.get(current);
                s.status = "running";
                s.runStart = at;
                s.runEnd = at.plus(t.run());
                s.outcome = fails(s.flow) ? "failed" : "completed";
                enter(Phase.RUNNING, "running", at, s.runEnd);
            }
            case RUNNING -> {
                RunStep s = steps.get(current);
                s.status = s.outcome;
                if (s.outcome.equals("failed")) {
                    finish("failed", at);
                } else if (noChanges(s.flow)) {
                    planChanges = Boolean.FALSE;
                    finish("completed", at);
                } else {
                    current++;
                    enter(Phase.BETWEEN, "pending", at, at.plus(t.between()));
                }
            }
            default -> throw new IllegalStateException("no timed transition from " + phase);
        }
    }

    /** PATCH status=approved. Returns false when the job was not waiting: the approval is a duplicate. */
    boolean approve(Instant at, Timings t) {
        if (phase != Phase.WAITING_APPROVAL) {
            duplicateApprovals++;
            return false;
        }
        steps.get(current).status = "completed";
        approvalTeam = null;
        current++;
        enter(Phase.BETWEEN, "approved", at, at.plus(t.between()));
        return true;
    }

    void reject(Instant at) {
        if (phase == Phase.WAITING_APPROVAL) {
            steps.get(current).status = "rejected";
        }
        finish("rejected", at);
    }

    /** Pending steps are cancelled; one already running goes on and may still complete. */
    void cancel(Instant at) {
        finish("cancelled", at);
    }

    private void finish(String finalStatus, Instant at) {
        for (RunStep s : steps) {
            if (s.status.equals("pending") || s.status.equals("waitingApproval")) {
                s.status = finalStatus.equals("cancelled") ? "cancelled" : "notExecuted";
            }
        }
        phase = Phase.DONE;
        phaseEndsAt = null;
        status = finalStatus;
        doneAt = at;
        updatedAt = at;
    }

    private void settleCancelledSteps(Instant now) {
        if (phase != Phase.DONE) {
            return;
        }
        for (RunStep s : steps) {
            if (s.status.equals("running") && s.runEnd != null && !now.isBefore(s.runEnd)) {
                s.status = s.outcome;
            }
        }
    }

    private void enter(Phase next, String newStatus, Instant at, Instant endsAt) {
        phase = next;
        status = newStatus;
        phaseEndsAt = endsAt;
        updatedAt = at;
    }

    private boolean fails(Flow f) {
        return switch (workspace.behaviour()) {
            case PLAN_FAILS -> f.type().equals("terraformPlan");
            case APPLY_FAILS -> f.type().equals("terraformApply") || f.type().equals("terraformDestroy");
            default -> false;
        };
    }

    private boolean noChanges(Flow f) {
        return workspace.behaviour() == SandboxWorkspace.Behaviour.NO_CHANGES && f.type().equals("terraformPlan");
    }
}
