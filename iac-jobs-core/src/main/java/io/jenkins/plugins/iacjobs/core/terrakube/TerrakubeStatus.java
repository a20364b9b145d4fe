package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.terrakube.model.Step;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps Terrakube job statuses to {@link JobState}. A job goes back to {@code pending} between its steps, so
 * {@code pending} means "not started" only while no step has run yet.
 */
public final class TerrakubeStatus {
    private static final Set<String> STEP_NOT_STARTED = Set.of("pending", "notexecuted", "");

    /** The statuses of a job that has not ended: one of them in a workspace holds every later job of it back. */
    public static final List<String> ACTIVE = List.of("pending", "waitingApproval", "approved", "queue", "running");

    private TerrakubeStatus() {
    }

    public static JobState state(TerrakubeJob job) {
        return state(job.status(), hasStarted(job));
    }

    public static JobState state(String status, boolean started) {
        if (status == null) {
            return JobState.PENDING;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "pending" -> started ? JobState.RUNNING : JobState.PENDING;
            case "waitingapproval" -> JobState.WAITING_APPROVAL;
            case "completed", "nochanges" -> JobState.SUCCEEDED;
            case "failed", "rejected" -> JobState.FAILED;
            case "cancelled" -> JobState.CANCELLED;
            // queue, running, approved, and statuses newer than this code: keep watching
            default -> JobState.RUNNING;
        };
    }

    public static boolean isTerminal(String status) {
        return status != null && state(status, true).endsWatch();
    }

    /** Whether any step has left {@code pending}: the job is between steps, not waiting to start. */
    static boolean hasStarted(TerrakubeJob job) {
        for (Step s : job.steps()) {
            String st = s.status() == null ? "" : s.status().toLowerCase(Locale.ROOT);
            if (!STEP_NOT_STARTED.contains(st) || s.output() != null) {
                return true;
            }
        }
        return false;
    }
}
