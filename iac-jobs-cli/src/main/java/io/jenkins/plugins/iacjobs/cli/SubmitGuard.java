package io.jenkins.plugins.iacjobs.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Covers the moment between sending a job and hearing its id: if the process is stopped then (Ctrl-C, SIGTERM),
 * the shutdown waits briefly for the answer and prints the id and how to pick the job up, so no job the CLI
 * created goes unreported. Without an answer it says where to look.
 */
final class SubmitGuard implements AutoCloseable {
    private static final long WAIT_FOR_ANSWER_SECONDS = 10;

    private final CountDownLatch answered = new CountDownLatch(1);
    private final Thread hook;
    private volatile String jobId;

    private SubmitGuard(PrintStream out, String system, Where where) {
        this.hook = new Thread(() -> {
            try {
                answered.await(WAIT_FOR_ANSWER_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String id = jobId;
            out.println(id != null
                    ? "Stopped after submitting: " + system + " job " + id + " goes on remotely; `" + where.waitCommand(id) + "` picks it up"
                    : "Stopped while submitting: no answer yet, so a " + system + " job may or may not exist; the remote's job"
                            + " history shows it, and the next `job run` with the same inputs says so too");
            out.flush();
        }, "iacjobs-submit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static SubmitGuard install(PrintStream out, String system, Where where) {
        return new SubmitGuard(out, system, where);
    }

    void submitted(String id) {
        jobId = id;
        answered.countDown();
    }

    @Override
    public void close() {
        answered.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now and prints what it knows
        }
    }
}
