package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Submit, watch, publish: the flow `job run`, `job wait` and `demo` share. */
final class JobExecution {
    private final CliContext ctx;
    private final RemoteJobSystem system;
    private final String connection;
    private final RunOptions opts;
    private final PrintStream progress;

    JobExecution(CliContext ctx, RemoteJobSystem system, String connection, RunOptions opts) {
        this.ctx = ctx;
        this.system = system;
        this.connection = connection;
        this.opts = opts;
        this.progress = opts.output == RunOptions.OutputFormat.json ? ctx.err() : ctx.out();
    }

    int submitAndWait(JobRequest request, boolean submitOnly) {
        java.time.Duration timeout = opts.timeout(); // every option is checked before anything is sent
        opts.poll();
        java.time.Instant started = ctx.clock().instant();
        ConsoleReporter submitNotes = reporter(null);
        SubmittedJob job = system.submit(timeout == null ? request : request.withDeadline(started.plus(timeout)), submitNotes::note);
        if (submitOnly) {
            submitNotes.note("Submitted " + system.displayName() + " job " + job.jobId() + "; wait for it with `iacjobs job wait " + job.jobId() + "`");
            if (opts.output == RunOptions.OutputFormat.json) {
                ctx.printJson(Map.of("id", job.jobId(), "status", String.valueOf(job.status()), "submitOnly", true));
            }
            return ExitCodes.SUCCESS;
        }
        JobRunner runner = runner();
        return waitAndPublish(runner, WatchHandle.start(system.systemId(), connection, job.jobId(), started)
                .withProgress(job.status(), null), job);
    }

    int waitFor(String jobId) {
        JobRunner runner = runner();
        return waitAndPublish(runner, WatchHandle.start(system.systemId(), connection, jobId, ctx.clock().instant()), null);
    }

    private JobRunner runner() {
        return new JobRunner(system, ctx.watcher(), connection, ctx.clock());
    }

    private int waitAndPublish(JobRunner runner, WatchHandle handle, SubmittedJob job) {
        Path logFile = tempLog();
        try {
            return waitAndPublish(runner, handle, job, logFile);
        } finally {
            try {
                Files.deleteIfExists(logFile); // whatever happened: timeout, failure, Ctrl-C
            } catch (IOException ignored) {
                // a private temporary file
            }
        }
    }

    private int waitAndPublish(JobRunner runner, WatchHandle handle, SubmittedJob job, Path logFile) {
        ConsoleReporter reporter = reporter(logFile);
        if (handle.lastStatus() != null) {
            reporter.note(system.displayName() + " job " + handle.jobId() + ": " + handle.lastStatus());
        }
        Watch watch = runner.watch(handle, reporter, opts.poll(), opts.timeout());
        Thread onInterrupt = new Thread(() -> {
            if (!watch.isDone()) {
                watch.cancel();
                CancelOutcome c = system.cancel(handle.jobId());
                reporter.note("Interrupted. " + c.message());
            }
        }, "iacjobs-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        JobSnapshot last;
        try {
            last = await(watch, reporter);
        } catch (io.jenkins.plugins.iacjobs.core.WaitTimeoutException e) {
            CancelOutcome c = system.cancel(handle.jobId());
            throw new io.jenkins.plugins.iacjobs.core.WaitTimeoutException(e.getMessage() + ". " + c.message());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
        JobResult r = runner.finish(watch.handle(), last, job, opts.out, hasText(logFile) ? logFile : null);
        report(r);
        if (r.state() == JobState.PAUSED) {
            return ExitCodes.SUCCESS;
        }
        if (!r.success()) {
            throw runner.failure(r);
        }
        return ExitCodes.SUCCESS;
    }

    private JobSnapshot await(Watch watch, ConsoleReporter reporter) {
        while (true) {
            try {
                return watch.result().get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                reporter.tick();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                watch.cancel();
                throw new io.jenkins.plugins.iacjobs.core.WaitAbortedException("Interrupted while waiting");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IacJobsException ie) {
                    throw ie;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void report(JobResult r) {
        Path root = opts.out.toAbsolutePath().normalize();
        if (opts.output == RunOptions.OutputFormat.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.jobId());
            m.put("status", r.status());
            m.put("success", r.success());
            m.put("planOnly", r.planOnly());
            m.put("message", r.message());
            m.put("remoteUrl", r.remoteUrl());
            m.put("durationMillis", r.durationMillis());
            m.put("artifacts", r.artifacts().stream().map(a -> root.resolve(a).toString()).toList());
            ctx.printJson(m);
            return;
        }
        progress.println();
        progress.println((r.success() ? "Done: " : "Ended: ") + system.displayName() + " job " + r.jobId() + " " + r.status()
                + (r.planOnly() ? " (plan only)" : ""));
        progress.println("Artifacts in " + root.resolve("iac-jobs").resolve(r.jobId()) + ":");
        for (String a : r.artifacts()) {
            progress.println("  " + root.resolve(a));
        }
    }

    private ConsoleReporter reporter(Path logFile) {
        return new ConsoleReporter(progress, System.console() != null && opts.output == RunOptions.OutputFormat.text,
                ctx.clock(), system.displayName() + " job", logFile);
    }

    /** Owner-only (0600 where the file system has POSIX modes): remote logs may hold what others should not read. */
    private static Path tempLog() {
        try {
            Path p = Files.createTempFile("iacjobs-log-", ".txt"); // created 0600 by the JDK on POSIX
            p.toFile().deleteOnExit(); // also when the JVM is stopped mid-wait
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasText(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
