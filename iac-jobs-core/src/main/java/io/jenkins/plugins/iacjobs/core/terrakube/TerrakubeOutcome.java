package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Step;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import java.util.Locale;

/** One line on how a job ended. Terrakube jobs carry no error text, so it is told from the steps. */
final class TerrakubeOutcome {
    private TerrakubeOutcome() {
    }

    @CheckForNull
    static String describe(TerrakubeJob job) {
        String status = job.status() == null ? "" : job.status().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "failed" -> {
                Step failed = job.steps().stream().filter(s -> "failed".equalsIgnoreCase(s.status())).findFirst().orElse(null);
                yield failed == null ? "the job failed" : "step " + failed.stepNumber()
                        + (failed.name() == null ? "" : " '" + failed.name() + "'") + " failed; see its log";
            }
            case "rejected" -> "the job was rejected at its approval step"
                    + (job.approvalTeam() == null ? "" : " (team " + job.approvalTeam() + ")");
            case "cancelled" -> "the job was cancelled; a step that was already running may still have finished";
            case "nochanges" -> "the plan found no changes";
            case "completed" -> Boolean.FALSE.equals(job.planChanges()) ? "the plan found no changes" : null;
            default -> null;
        };
    }
}
