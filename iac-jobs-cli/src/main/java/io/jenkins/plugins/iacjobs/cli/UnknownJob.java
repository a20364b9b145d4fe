package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;

/** A job id the remote does not know is the user's input, like an unknown accelerator: exit 2, not 5. */
final class UnknownJob {
    private UnknownJob() {
    }

    static SubmittedJob describe(RemoteJobSystem<?> system, String jobId) {
        try {
            return system.describe(jobId);
        } catch (RemoteApiException e) {
            throw orRethrow(system.displayName(), jobId, e);
        }
    }

    /** A 404 as a {@link ValidationException} naming the id; any other failure as it was. */
    static RuntimeException orRethrow(String systemName, String jobId, RemoteApiException e) {
        if (e.status() != 404) {
            return e;
        }
        String correlation = e.correlationId();
        return new ValidationException("JOB_ID", systemName + " has no job '" + jobId + "' (HTTP 404"
                + (correlation == null ? "" : ", correlation id " + correlation)
                + "); check the id, and that --base-url, --region or --organization point where the job was submitted");
    }
}
