package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Streams the part of one step log not written yet. Terrakube ignores {@code Range} and sends the whole log, so
 * the bytes already written are skipped on read (a server that honours the range answers 206 and less is
 * skipped). Text goes to the sink in chunks, never the whole log at once, and is cut only at UTF-8 character
 * boundaries: a character split across two reads is written whole by the later one. The cursor advances by what
 * was written, so a read that breaks off, or a retry, never repeats or loses a byte.
 */
final class StepLogStreamer {
    private static final int CHUNK = 16 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-");

    private StepLogStreamer() {
    }

    /**
     * @param finished the step has ended, so a trailing partial character will not be completed and is written
     * @return true when the body was read to its end
     */
    static boolean stream(TerrakubeClient client, HttpUrl url, LogCursor cursor, String stepId, LogSink sink,
                          boolean finished) {
        long requested = Math.max(0, cursor.offset(stepId));
        return client.readLog(url, requested, response -> copy(response, requested, cursor, stepId, sink, finished));
    }

    private static boolean copy(Response response, long requested, LogCursor cursor, String stepId, LogSink sink,
                                boolean finished) throws IOException {
        long written = Math.max(0, cursor.offset(stepId));
        long bodyStart = response.code() == 206 ? rangeStart(response.header("Content-Range"), requested) : 0;
        if (bodyStart > written) {
            return false; // the server skipped bytes we never saw; read again from the start next time
        }
        try (InputStream in = RestClient.bodyStream(response)) {
            long toSkip = written - bodyStart;
            while (toSkip > 0) {
                long skipped = in.skip(toSkip);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        return true; // the log is no longer than what we have
                    }
                    skipped = 1;
                }
                toSkip -= skipped;
            }
            byte[] buf = new byte[CHUNK];
            int held = 0;
            while (true) {
                int n = in.read(buf, held, buf.length - held);
                if (n < 0) {
                    break;
                }
                held += n;
                int cut = completeCharacters(buf, held);
                if (cut > 0 && (held == buf.length || cut == held)) {
                    written = emit(sink, cursor, stepId, written, buf, cut);
                    System.arraycopy(buf, cut, buf, 0, held - cut);
                    held -= cut;
                }
            }
            int cut = finished ? held : completeCharacters(buf, held);
            if (cut > 0) {
                emit(sink, cursor, stepId, written, buf, cut);
            }
            return true;
        }
    }

    private static long emit(LogSink sink, LogCursor cursor, String stepId, long written, byte[] buf, int len) {
        sink.write(new String(buf, 0, len, StandardCharsets.UTF_8));
        long now = written + len;
        cursor.advance(stepId, now);
        return now;
    }

    /** The length of the longest prefix of {@code buf[0..len)} that does not end inside a UTF-8 character. */
    static int completeCharacters(byte[] buf, int len) {
        for (int back = 1; back <= Math.min(4, len); back++) {
            int b = buf[len - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead
            }
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? len - back : len;
        }
        return len; // no lead byte within reach: not UTF-8 we can fix by waiting
    }

    private static long rangeStart(@CheckForNull String contentRange, long requested) {
        if (contentRange == null) {
            return requested;
        }
        Matcher m = CONTENT_RANGE.matcher(contentRange);
        return m.find() ? Long.parseLong(m.group(1)) : requested;
    }
}
