package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.job.RunLines;
import io.jenkins.plugins.iacjobs.core.plan.Ansi;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
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
    private static final int MAX_PARTIAL_LINE = 8192;

    private final PrintStream out;
    private final boolean tty;
    private final boolean colours;
    private final Clock clock;
    private final String systemName;
    private final Path logFile;
    private final Instant startedAt;
    private String status = "submitted";
    private int frame;
    private boolean progressShown;
    /** The unfinished last line of the log: remote log chunks are cut anywhere, and lines print whole. */
    private final StringBuilder partialLine = new StringBuilder();

    ConsoleReporter(PrintStream out, boolean tty, Clock clock, String systemName, Path logFile) {
        this(out, tty, clock, systemName, logFile, false);
    }

    /** @param keepAnsi print the remote log's colour codes even when the console is not a terminal */
    ConsoleReporter(PrintStream out, boolean tty, Clock clock, String systemName, Path logFile, boolean keepAnsi) {
        this.colours = tty || keepAnsi;
        this.out = out;
        this.tty = tty;
        this.clock = clock;
        this.systemName = systemName;
        this.logFile = logFile;
        this.startedAt = clock.instant();
    }

    synchronized void note(String line) {
        clearProgress();
        out.println("[" + TIME.format(clock.instant()) + "] " + Printable.of(line));
    }

    /** The job as last seen waiting for approval, until a person is asked about it; see {@link #takeWaiting()}. */
    private volatile JobSnapshot waiting;

    JobSnapshot takeWaiting() {
        JobSnapshot w = waiting;
        waiting = null;
        return w;
    }

    @Override
    public synchronized void onStatus(JobSnapshot snapshot, Instant at) {
        waiting = snapshot.state() == JobState.WAITING_APPROVAL ? snapshot : null;
        status = snapshot.status();
        clearProgress();
        if (snapshot.state().endsWatch()) {
            flushPartialLine();
        }
        out.println("[" + TIME.format(at) + "] " + RunLines.status(systemName, snapshot));
    }

    @Override
    public synchronized void onHeartbeat(JobSnapshot snapshot, Duration quietFor) {
        if (!tty) {
            note(RunLines.heartbeat(snapshot, quietFor));
        }
    }

    @Override
    public synchronized void onLog(String text) {
        clearProgress();
        partialLine.append(text);
        int end = partialLine.lastIndexOf("\n") + 1;
        if (end == 0 && partialLine.length() > MAX_PARTIAL_LINE) {
            flushPartialLine();
        } else if (end > 0) {
            String lines = partialLine.substring(0, end);
            out.print(Ansi.shown(lines, colours)); // a CI log shows codes as garbage
            out.flush();
            partialLine.delete(0, end);
        }
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
        note(RunLines.trouble(problem, retryIn));
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

    private void flushPartialLine() {
        if (partialLine.length() > 0) {
            out.println(Ansi.shown(partialLine.toString(), colours));
            partialLine.setLength(0);
        }
    }

    private void clearProgress() {
        if (progressShown) {
            out.print("\r\033[K");
            progressShown = false;
        }
    }
}
