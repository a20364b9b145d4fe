package io.jenkins.plugins.iacjobs;

import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How an {@link IacJobRun} stops early, by an abort or its timeout: the remote is asked to cancel where it can
 * (Terrakube), and the log says plainly what happens to the remote job. Asking is bounded, so aborting stays prompt.
 */
final class JobStop {

    private static final int CANCEL_WAIT_SECONDS = 5;

    private JobStop() {
    }

    /** The build was aborted: close an open approval, then cancel remotely, waiting a few seconds at most. */
    static void stop(IacJobRun r) {
        WatchHandle h = r.state().handle;
        ApprovalGate g = r.gate;
        if (g != null && h != null) {
            g.close(h.jobId(), Messages.IacJobApprovalAction_closedAborted());
        }
        JobRunner runner = r.runner;
        if (runner == null || h == null) {
            r.say(Messages.IacJobRun_stoppedBeforeSubmit());
            return;
        }
        try {
            CancelOutcome out = CompletableFuture.supplyAsync(() -> runner.system().cancel(h.jobId()), ActiveRuns.CALLS)
                    .get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            r.say(out.message());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.say(Messages.IacJobRun_cancelFailed(h.jobId(), "interrupted"));
        } catch (ExecutionException | TimeoutException e) {
            r.say(Messages.IacJobRun_cancelFailed(h.jobId(), JobFinish.unwrap(e).getMessage()));
        }
    }

    /** The watch ended without a terminal status: stopped on purpose, timed out (cancel remotely), or failed. */
    static void onWatchError(IacJobRun r, Throwable error) {
        if (error instanceof WaitAbortedException) {
            r.result().completeExceptionally(error); // the caller asked for this in stop()
            return;
        }
        if (error instanceof WaitTimeoutException) {
            String jobId = r.state().handle.jobId();
            try {
                r.say(r.runner.system().cancel(jobId).message());
            } catch (RuntimeException e) {
                r.say(Messages.IacJobRun_cancelFailed(jobId, e.getMessage()));
            }
        }
        JobFinish.fail(r, error);
    }
}
