package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.plan.Ansi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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
    /**
     * After a stop that saved nothing more (a hard crash): the bytes the file holds past the persisted length. They were
     * kept and shown before the stop, and the remote sends them again from the persisted cursor; matched against them,
     * they are neither kept nor shown twice. Guarded by {@link #pendingLine}.
     */
    private byte[] replay = new byte[0];
    private int replayAt;
    /** The persisted length {@link #replay} starts at. */
    private long replayFrom;
    /** The unfinished line as persisted, under {@link #replay}. */
    private String replayBase = "";
    /** More than this past the persisted length is cut back rather than matched. */
    private static final int MAX_REPLAY = 4 * 1024 * 1024;

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
     * On resume, text written after the handle was last persisted is streamed again from the persisted cursor. After
     * a clean shutdown there is none. After a hard crash the file holds it already, and its whole lines are in the
     * build log: it is kept as {@link #replay}, and what the remote sends again is matched against it rather than
     * written or printed twice. So the cursor need not be saved with every move (issue 24); more than
     * {@link #MAX_REPLAY} bytes, or text that does not match, is cut back and written anew.
     */
    public void restore(@CheckForNull String persistedPendingLine, long persistedBytes) {
        knownBytes = persistedBytes;
        byte[] tail = new byte[0];
        try {
            if (Files.exists(file) && Files.size(file) > persistedBytes) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    long extra = ch.size() - persistedBytes;
                    if (extra <= MAX_REPLAY) {
                        ByteBuffer buf = ByteBuffer.allocate((int) extra);
                        while (buf.hasRemaining() && ch.read(buf, persistedBytes + buf.position()) >= 0) {
                            // reads until full
                        }
                        tail = buf.array();
                    } else {
                        ch.truncate(persistedBytes);
                    }
                }
            }
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not read back " + file, e);
        }
        synchronized (pendingLine) {
            replayBase = persistedPendingLine == null ? "" : persistedPendingLine;
            replayFrom = persistedBytes;
            replay = tail;
            replayAt = 0;
            pendingLine.setLength(0);
            pendingLine.append(afterLastLineEnd(replayBase + new String(tail, StandardCharsets.UTF_8))); // the rest was printed
        }
    }

    /** Keeps {@code text} in the file and prints what completes a line. */
    public void append(String text) {
        String rest = unseen(text);
        if (rest.isEmpty()) {
            return;
        }
        appendNew(rest);
    }

    /** What of {@code text} was not kept and shown before a hard stop (see {@link #restore}). */
    private String unseen(String text) {
        synchronized (pendingLine) {
            if (replayAt >= replay.length) {
                return text;
            }
            byte[] in = text.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(in.length, replay.length - replayAt);
            int same = Arrays.mismatch(in, 0, n, replay, replayAt, replayAt + n);
            if (same >= 0) { // the remote's log went another way after `same` bytes
                LOGGER.log(Level.FINE, "the remote log differs from what {0} kept before the stop; writing it anew", file);
                replayAt += same;
                cutBack();
                return new String(in, same, in.length - same, StandardCharsets.UTF_8);
            }
            replayAt += n;
            if (replayAt >= replay.length) {
                endReplay();
            }
            return n == in.length ? "" : new String(in, n, in.length - n, StandardCharsets.UTF_8);
        }
    }

    /** The remote's text went another way: the unmatched bytes leave the file, and the new text is written after. */
    private void cutBack() {
        long keep = replayFrom + replayAt;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(keep);
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not cut back " + file, e);
        }
        pendingLine.setLength(0);
        pendingLine.append(afterLastLineEnd(replayBase + new String(replay, 0, replayAt, StandardCharsets.UTF_8)));
        endReplay();
    }

    private void endReplay() {
        replay = new byte[0];
        replayAt = 0;
        replayBase = "";
    }

    private static String afterLastLineEnd(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    private void appendNew(String text) {
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
            String line = replayAt < replay.length // as if the file ended where the matching has got to
                    ? afterLastLineEnd(replayBase + new String(replay, 0, replayAt, StandardCharsets.UTF_8))
                    : pendingLine.toString();
            return line.isEmpty() ? null : line;
        }
    }

    /** The file's length now, or the last length known when it cannot be read (never less than what was persisted). */
    public long bytes() {
        long unmatched;
        synchronized (pendingLine) {
            unmatched = replay.length - replayAt; // in the file, but not yet where the cursor is
        }
        try {
            knownBytes = Files.exists(file) ? Files.size(file) - unmatched : 0;
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
