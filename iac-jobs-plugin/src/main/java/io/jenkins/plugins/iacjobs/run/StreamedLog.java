package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.plan.Ansi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A remote job's log as it streams in: every byte kept in a file in the build directory (so it survives a restart
 * and ends up whole in {@code log.txt}), and whole lines printed to the build log, without terminal codes unless
 * the user asked to keep them. Remote chunks end anywhere; the unfinished last line waits for its end.
 */
@Restricted(NoExternalUse.class)
public final class StreamedLog {

    private static final Logger LOGGER = Logger.getLogger(StreamedLog.class.getName());
    /** A remote log line longer than this is printed before its end arrives. */
    private static final int MAX_PARTIAL_LINE = 8192;

    private final Path file;
    private final PrintStream buildLog;
    private final boolean keepAnsi;
    private final StringBuilder pendingLine = new StringBuilder();
    /** The file's length when last read, or as persisted: what {@link #bytes()} says when the file cannot be read. */
    private volatile long knownBytes;

    /** @param jobId a validated job id (the file name is derived from it) */
    public StreamedLog(Path buildDir, String jobId, PrintStream buildLog, boolean keepAnsi) {
        this.file = buildDir.resolve("iac-jobs-logs").resolve(JobIds.folderName(jobId) + ".log");
        this.buildLog = buildLog;
        this.keepAnsi = keepAnsi;
    }

    public Path file() {
        return file;
    }

    /**
     * On resume, text written after the handle was last persisted would be streamed again from the persisted cursor:
     * cut the file back to {@code persistedBytes}, and pick up the unfinished line, so each byte is kept once.
     */
    public void restore(@CheckForNull String persistedPendingLine, long persistedBytes) {
        knownBytes = persistedBytes;
        synchronized (pendingLine) {
            pendingLine.setLength(0);
            if (persistedPendingLine != null) {
                pendingLine.append(persistedPendingLine);
            }
        }
        try {
            if (Files.exists(file) && Files.size(file) > persistedBytes) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(persistedBytes);
                }
            }
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not cut back " + file, e);
        }
    }

    /** Keeps {@code text} in the file and prints what completes a line. */
    public void append(String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not keep streamed log", e);
        }
        synchronized (pendingLine) {
            pendingLine.append(text);
            int end = pendingLine.lastIndexOf("\n") + 1;
            if (end > 0) {
                buildLog.print(shown(pendingLine.substring(0, end))); // whole lines: no escape code is cut in two
                pendingLine.delete(0, end);
            } else if (pendingLine.length() > MAX_PARTIAL_LINE) {
                flush();
            }
        }
    }

    /** Prints the unfinished last line, when the job ends or an over-long line must go out. */
    public void flush() {
        synchronized (pendingLine) {
            if (pendingLine.length() > 0) {
                buildLog.println(shown(pendingLine.toString()));
                pendingLine.setLength(0);
            }
        }
    }

    /** What to persist with the cursor: the unfinished line, or null. */
    public @CheckForNull String pendingLine() {
        synchronized (pendingLine) {
            return pendingLine.length() == 0 ? null : pendingLine.toString();
        }
    }

    /** The file's length now, or the last length known when it cannot be read (never less than what was persisted). */
    public long bytes() {
        try {
            knownBytes = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not read the length of " + file, e);
        }
        return knownBytes;
    }

    /** The file when anything was streamed, else null. */
    public @CheckForNull Path existing() {
        return Files.exists(file) ? file : null;
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private String shown(String text) {
        return Ansi.shown(text, keepAnsi);
    }
}
