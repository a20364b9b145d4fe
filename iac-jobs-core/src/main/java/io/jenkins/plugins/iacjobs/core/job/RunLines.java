package io.jenkins.plugins.iacjobs.core.job;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import java.time.Duration;

/**
 * The lines every front end prints while it watches a job, worded once: the CLI puts its clock in front of them and
 * the Jenkins build log its {@code [IaC Jobs]} and time. Remote text in them is made {@link Printable}.
 */
public final class RunLines {
    private RunLines() {
    }

    /** {@code Genesys Cloud job 9a7e…: Failed — parameter queue_name already exists} */
    public static String status(String systemName, JobSnapshot snapshot) {
        String message = snapshot.message();
        return Printable.of(systemName + " job " + snapshot.jobId() + ": " + snapshot.status()
                + (message == null || message.isBlank() ? "" : " — " + message));
    }

    /** While nothing changes: {@code still Running (no change for 5m)}. */
    public static String heartbeat(JobSnapshot snapshot, Duration quietFor) {
        return Printable.of("still " + snapshot.status() + " (no change for " + Durations.format(quietFor) + ")");
    }

    /** A poll that failed and will be tried again. */
    public static String trouble(IacJobsException problem, Duration retryIn) {
        return Printable.of("checking the job failed (" + problem.getMessage() + "); trying again in " + Durations.format(retryIn));
    }
}
