package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;

/**
 * A {@link JobRequest} read the Terrakube way: {@code target} is the template (or, on older servers, the command),
 * and the options {@code workspace}, {@code branch} and {@code approve}.
 */
public record TerrakubeJobRequest(String workspace, String template, boolean planOnly, String branch, ApprovePolicy approve) {
    public static final String WORKSPACE = "workspace";
    public static final String BRANCH = "branch";
    public static final String APPROVE = "approve";

    public TerrakubeJobRequest {
        if (workspace == null || workspace.isBlank()) {
            throw new ValidationException(WORKSPACE, "is empty; give the Terrakube workspace's name or id");
        }
        workspace = workspace.strip();
        template = template == null || template.isBlank() ? null : template.strip();
        branch = branch == null || branch.isBlank() ? null : branch.strip();
        approve = approve == null ? ApprovePolicy.WAIT : approve;
    }

    public static TerrakubeJobRequest from(JobRequest request) {
        if (!request.params().isEmpty()) {
            throw new ValidationException("params", "Terrakube jobs take no parameters here (" + String.join(", ",
                    request.params().keySet()) + "): set them as workspace variables in Terrakube instead");
        }
        return new TerrakubeJobRequest(request.option(WORKSPACE), request.target(), request.planOnly(),
                request.option(BRANCH), ApprovePolicy.parse(request.option(APPROVE)));
    }

    /** The same request as a system-neutral {@link JobRequest}. */
    public JobRequest toJobRequest() {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put(WORKSPACE, workspace);
        if (branch != null) {
            options.put(BRANCH, branch);
        }
        options.put(APPROVE, approve.wire());
        return new JobRequest(template, null, planOnly, options);
    }
}
