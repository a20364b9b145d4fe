package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import java.time.Instant;

/**
 * A Terrakube job: the workspace, the template (or, on older servers, the command; null for the plan-only template
 * when {@code planOnly}), a branch, and what to do at {@code waitingApproval}. Terrakube's job API takes no variables.
 *
 * @param queue    what to do when the workspace already runs a job
 * @param deadline see {@link JobRequest#deadline()}
 */
public record TerrakubeJobRequest(String workspace, @CheckForNull String template, boolean planOnly, @CheckForNull String branch,
                                  ApprovePolicy approve, QueuePolicy queue,
                                  @CheckForNull Instant deadline) implements JobRequest {

    public TerrakubeJobRequest {
        if (workspace == null || workspace.isBlank()) {
            throw new ValidationException("workspace", "is empty; give the Terrakube workspace's name or id");
        }
        workspace = workspace.strip();
        template = template == null || template.isBlank() ? null : template.strip();
        branch = branch == null || branch.isBlank() ? null : branch.strip();
        approve = approve == null ? ApprovePolicy.WAIT : approve;
        queue = queue == null ? QueuePolicy.WAIT : queue;
    }

    public TerrakubeJobRequest(String workspace, @CheckForNull String template, boolean planOnly, @CheckForNull String branch,
                               @CheckForNull ApprovePolicy approve) {
        this(workspace, template, planOnly, branch, approve == null ? ApprovePolicy.WAIT : approve, QueuePolicy.WAIT, null);
    }

    /** The same request with {@code policy} for a workspace that already runs a job. */
    public TerrakubeJobRequest withQueue(QueuePolicy policy) {
        return new TerrakubeJobRequest(workspace, template, planOnly, branch, approve, policy, deadline);
    }

    @Override
    public TerrakubeJobRequest withDeadline(@CheckForNull Instant d) {
        return new TerrakubeJobRequest(workspace, template, planOnly, branch, approve, queue, d);
    }

    /** A plan of the workspace: the connection's plan-only template. */
    @Override
    public TerrakubeJobRequest asPlanOnly() {
        return new TerrakubeJobRequest(workspace, null, true, branch, approve, queue, deadline);
    }

    /** What a Terrakube plan is made for: the workspace and branch (the job API takes no variables). */
    @Override
    public String planInputs() {
        return "terrakube\n" + workspace.length() + ":" + workspace + "\n" + (branch == null ? "" : branch) + "\n";
    }

    @Override
    public String canonical() {
        return "terrakube\n" + workspace + "\n" + template + "\n" + planOnly + "\n" + branch + "\n" + approve.wire();
    }
}
