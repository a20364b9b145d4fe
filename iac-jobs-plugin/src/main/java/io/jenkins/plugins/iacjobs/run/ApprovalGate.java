package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.console.HyperlinkNote;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.actions.IacJobApprovalAction;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.TerraformPlanText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code approve: 'input'}: while a Terrakube job waits for approval, the build page asks a person
 * ({@link IacJobApprovalAction}). One gate per run; the action it adds is saved with the build, so after a restart
 * the buttons are still there and nothing is asked twice.
 */
final class ApprovalGate {

    private static final Logger LOGGER = Logger.getLogger(ApprovalGate.class.getName());

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final String connection;
    private final String credentialsId;
    private final List<String> approvers;

    ApprovalGate(Run<?, ?> run, TaskListener listener, String connection, @CheckForNull String credentialsId,
                 @CheckForNull String approvers) {
        this.run = run;
        this.listener = listener;
        this.connection = connection;
        this.credentialsId = credentialsId;
        this.approvers = IacJobApprovalAction.parseApprovers(approvers);
    }

    private @CheckForNull IacJobApprovalAction action(String jobId) {
        return run.getActions(IacJobApprovalAction.class).stream().filter(a -> a.getJobId().equals(jobId))
                .reduce((first, second) -> second).orElse(null);
    }

    /**
     * Puts Approve and Reject on the build page, with the plan read from the log streamed so far, and says who may
     * decide. Once per approval wait: after a restart the persisted action is already there.
     */
    /**
     * @param streamedLog  the log streamed so far, or null when nothing was
     * @param inputsDigest the digest of the job's target and inputs, so the plan shown (and approved) has the same
     *                     fingerprint as the job's plan will; null when unknown
     */
    void open(String jobId, @CheckForNull Path streamedLog, @CheckForNull String inputsDigest) {
        IacJobApprovalAction existing = action(jobId);
        if (existing != null && (existing.isWaiting() || existing.getState() == IacJobApprovalAction.State.SENDING)) {
            return;
        }
        Plan plan = null;
        if (streamedLog != null) {
            try (var reader = Files.newBufferedReader(streamedLog)) {
                plan = TerraformPlanText.read(reader).orElse(null);
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.FINE, "could not read the plan of " + jobId, e);
            }
        }
        run.addAction(new IacJobApprovalAction(connection, credentialsId, jobId, approvers,
                plan == null ? null : plan.forInputs(inputsDigest)));
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save " + run, e);
        }
        String who = approvers.isEmpty() ? Messages.IacJobRun_anyoneWithBuild() : String.join(", ", approvers);
        // Printed as is, not through Printable: the line carries a console link.
        listener.getLogger().println("[IaC Jobs] " + Messages.IacJobRun_waitingForDecision(jobId, who,
                HyperlinkNote.encodeTo("/" + run.getUrl() + IacJobApprovalAction.URL + "/", Messages.IacJobApprovalAction_displayName(jobId))));
    }

    /** The job left waitingApproval another way (decided in Terrakube, cancelled, the build aborted). */
    void close(@CheckForNull String jobId, String why) {
        IacJobApprovalAction a = jobId == null ? null : action(jobId);
        if (a != null) {
            a.close(why);
        }
    }

    /** Who decided, when and why, for the log, summary.md and the build page; null when no one did. */
    @CheckForNull
    String decision(@CheckForNull String jobId) {
        IacJobApprovalAction a = jobId == null ? null : action(jobId);
        return a == null ? null : a.getDecision();
    }
}
