package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C or SIGTERM says and does, whenever it comes: one shutdown hook for the whole command, installed
 * before anything is sent. Only hooks run to their end once the JVM shuts down (the main thread is halted midway),
 * so the hook itself does the work:
 * <ul>
 *   <li>while a submission is on its way, it waits briefly for the answer, then names the job and how to pick it
 *       up, or says that the remote's history shows whether one was made;</li>
 *   <li>after that, it stops the watch, cancels the job where the system can (Terrakube), and otherwise says the job
 *       goes on and prints the {@code job wait} command that picks it up;</li>
 *   <li>last, it deletes the run's temporary files and its work folder under {@code iac-jobs/.work}, where the job's
 *       files are fetched ({@link File#deleteOnExit} would register a hook of its own, which fails once the shutdown
 *       has begun, and cannot delete a folder that is not empty).</li>
 * </ul>
 */
final class StopGuard implements AutoCloseable {
    private static final long WAIT_FOR_ANSWER_SECONDS = 10;
    private static final long SECOND_SWEEP_MILLIS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CountDownLatch answered = new CountDownLatch(1);
    private final Thread hook;
    private final PrintStream out;
    private final RemoteJobSystem<?> system;
    private final Where where;
    private final boolean cancelOnStop;
    private volatile boolean submitting;
    private volatile String jobId;
    private volatile Watch watch;
    /** The run's temporary files; guarded by itself, so a stop never misses one being made. */
    private final List<Path> temporary = new ArrayList<>();
    /** The run's work folders (where a job's files are fetched, gigabytes at times), each with the folder it is in. */
    private final Map<Path, Path> workFolders = new LinkedHashMap<>();

    private StopGuard(PrintStream out, RemoteJobSystem<?> system, Where where, boolean cancelOnStop) {
        this.out = out;
        this.system = system;
        this.where = where;
        this.cancelOnStop = cancelOnStop;
        this.hook = new Thread(this::stopped, "iacjobs-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @param cancelOnStop whether a stop cancels the job (false for {@code --submit-only}: the job is meant to go on) */
    static StopGuard install(PrintStream out, RemoteJobSystem<?> system, Where where, boolean cancelOnStop) {
        return new StopGuard(out, system, where, cancelOnStop);
    }

    void submitting() {
        submitting = true;
    }

    void submitted(String id) {
        jobId = id;
        submitting = false;
        answered.countDown();
    }

    /** The job is known (submitted, or given to {@code job wait}) and now watched. */
    void watching(String id, Watch w) {
        jobId = id;
        watch = w;
    }

    private void stopped() {
        try {
            report();
        } finally {
            Map<Path, Path> work;
            synchronized (temporary) {
                for (Path p : temporary) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // nothing more can be done while the JVM stops
                    }
                }
                work = new LinkedHashMap<>(workFolders);
            }
            boolean any = false;
            for (Map.Entry<Path, Path> w : work.entrySet()) {
                any |= Files.exists(w.getKey());
                JobRunner.deleteWork(w.getKey(), w.getValue());
            }
            if (any) {
                // The run goes on until the JVM halts and may have just made a file there: once more, shortly after.
                try {
                    Thread.sleep(SECOND_SWEEP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                work.forEach(JobRunner::deleteWork);
            }
        }
    }

    /**
     * Names a work folder of this run's own under {@code root} (made when the job's files are fetched); a stop deletes
     * it with all it holds, and {@code root} if that leaves it empty. The run deletes it itself with {@link #deleteWork}.
     */
    Path workFolder(Path root) {
        synchronized (temporary) {
            Path p = root.resolve("run-" + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
            workFolders.put(p, root);
            return p;
        }
    }

    void deleteWork(Path workFolder) {
        synchronized (temporary) {
            Path root = workFolders.remove(workFolder);
            if (root != null) {
                JobRunner.deleteWork(workFolder, root);
            }
        }
    }

    /** Makes a temporary file that a stop deletes; the run deletes it itself with {@link #deleteTemporary}. */
    Path temporaryFile(String prefix, String suffix) throws IOException {
        synchronized (temporary) {
            Path p = Files.createTempFile(prefix, suffix); // 0600 on POSIX
            temporary.add(p);
            return p;
        }
    }

    void deleteTemporary(Path p) {
        synchronized (temporary) {
            temporary.remove(p);
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a private temporary file
            }
        }
    }

    private void report() {
        if (submitting) {
            try {
                answered.await(WAIT_FOR_ANSWER_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String id = jobId;
        if (id == null) {
            if (submitting) {
                tell("Stopped while submitting: no answer yet, so a " + system.displayName() + " job may or may not exist;"
                        + " the remote's job history shows it, and the next `job run` with the same inputs says so too");
            }
            return;
        }
        Watch w = watch;
        if (w != null) {
            if (w.isDone()) {
                return; // the job had ended: the command is only writing its files
            }
            w.cancel();
        }
        if (!cancelOnStop) {
            tell("Stopped after submitting: " + system.displayName() + " job " + id + " goes on remotely; `"
                    + where.waitCommand(id) + "` picks it up");
            return;
        }
        CancelOutcome c = system.cancel(id);
        tell("Interrupted. " + c.message() + (c.cancelled() ? "" : ". `" + where.waitCommand(id) + "` picks it up again"));
    }

    private void tell(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void close() {
        answered.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now and says what it knows
        }
    }
}
