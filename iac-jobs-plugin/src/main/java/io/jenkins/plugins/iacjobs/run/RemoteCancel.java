package io.jenkins.plugins.iacjobs.run;

import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An abort asks the remote to cancel where it can (Terrakube), and the log says plainly what happens to the job.
 * Asking is bounded, so that aborting stays prompt.
 */
final class RemoteCancel {

    static final int WAIT_SECONDS = 5;

    private RemoteCancel() {
    }

    /** @return the line for the build log: cancelled, goes on remotely, or could not be asked */
    static String ask(JobRunner runner, String jobId) {
        try {
            return CompletableFuture.supplyAsync(() -> runner.system().cancel(jobId).message(), RunPools.CALLS)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Messages.JobRun_cancelFailed(jobId, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return Messages.JobRun_cancelFailed(jobId, e instanceof TimeoutException
                    ? Messages.JobRun_noAnswerWithin(WAIT_SECONDS) : JobEnding.unwrap(e).getMessage());
        }
    }
}
