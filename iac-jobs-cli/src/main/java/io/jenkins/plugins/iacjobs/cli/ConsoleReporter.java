package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints what the watcher sees: one timestamped line per status change, streamed logs, heartbeats while the job
 * is quiet, and, on a terminal, a one-line progress indicator that is redrawn in place.
 */
final class ConsoleReporter implements WatchListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String SPINNER = "|/-\\";

    private final PrintStream out;
    private final boolean tty;
    private final Clock clock;
    private final String label;
    private final Path logFile;
    private final Instant startedAt;
    private String status = "submitted";
    private int frame;
    private boolean progressShown;

    ConsoleReporter(PrintStream out, boolean tty, Clock clock, String label, Path logFile) {
        this.out = out;
        this.tty = tty;
        this.clock = clock;
        this.label = label;
        this.logFile = logFile;
        this.startedAt = clock.instant();
    }

    synchronized void note(String line) {
        clearProgress();
        out.println("[" + TIME.format(clock.instant()) + "] " + line);
    }

    @Override
    public synchronized void onStatus(JobSnapshot snapshot, Instant at) {
        status = snapshot.status();
        clearProgress();
        out.println("[" + TIME.format(at) + "] " + label + " " + snapshot.jobId() + ": " + snapshot.status()
                + (snapshot.message() == null ? "" : " - " + snapshot.message()));
    }

    @Override
    public synchronized void onHeartbeat(JobSnapshot snapshot, Duration quietFor) {
        if (!tty) {
            note("still " + snapshot.status() + " (no change for " + Durations.format(quietFor) + ")");
        }
    }

    @Override
    public synchronized void onLog(String text) {
        clearProgress();
        out.print(text.endsWith("\n") ? text : text + "\n");
        if (logFile != null) {
            try (OutputStream o = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.println("(could not append to " + logFile + ": " + e.getMessage() + ")");
            }
        }
    }

    @Override
    public synchronized void onTrouble(IacJobsException problem, Duration retryIn) {
        note("trouble polling (" + problem.getMessage() + "); retrying in " + Durations.format(retryIn));
    }

    /** Redraws the progress indicator; a no-op when output is not a terminal. */
    synchronized void tick() {
        if (!tty) {
            return;
        }
        frame = (frame + 1) % SPINNER.length();
        out.print("\r" + SPINNER.charAt(frame) + " " + status + " " + Durations.format(Duration.between(startedAt, clock.instant())) + "   ");
        out.flush();
        progressShown = true;
    }

    private void clearProgress() {
        if (progressShown) {
            out.print("\r\033[K");
            progressShown = false;
        }
    }
}
