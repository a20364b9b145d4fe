package io.jenkins.plugins.iacjobs.core;

/** The remote job reached a failed terminal status; the message carries the remote error. */
public final class JobFailedException extends IacJobsException {
    private static final long serialVersionUID = 1L;
    private final String jobId;
    private final String status;

    public JobFailedException(String jobId, String status, String message) {
        super(message);
        this.jobId = jobId;
        this.status = status;
    }

    public String jobId() {
        return jobId;
    }

    public String status() {
        return status;
    }

    @Override
    public Kind kind() {
        return Kind.JOB_FAILED;
    }
}
