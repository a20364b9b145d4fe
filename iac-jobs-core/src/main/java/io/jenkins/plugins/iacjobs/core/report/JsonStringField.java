package io.jenkins.plugins.iacjobs.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one top-level string field of a JSON document on disk without loading it: the rest of the object is
 * read normally, the big string is skipped, and later copied out by decoding its escapes straight from the file.
 * This is how a 200 MB {@code results} string becomes a file with memory bounded by a buffer.
 */
public final class JsonStringField {
    private JsonStringField() {
    }

    /** The object's other fields, with {@code field} left out. */
    public static ObjectNode readWithout(Path file, String field, ObjectMapper json) throws IOException {
        ObjectNode out = json.createObjectNode();
        try (JsonParser p = json.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals(field) && t == JsonToken.VALUE_STRING) {
                    continue; // left unread: Jackson skips an unread string without buffering it
                }
                out.set(name, json.readTree(p));
            }
        }
        return out;
    }

    /** Copies the decoded UTF-8 value of top-level string {@code field} to {@code out}; false if absent or not a string. */
    public static boolean copy(Path path, String field, OutputStream out) throws IOException {
        long offset = -1;
        try (JsonParser p = new JsonFactory().createParser(path.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals(field) && t == JsonToken.VALUE_STRING) {
                    offset = p.currentTokenLocation().getByteOffset();
                    break;
                }
                p.skipChildren();
            }
        }
        if (offset < 0) {
            return false;
        }
        try (InputStream file = Files.newInputStream(path)) {
            file.skipNBytes(offset);
            Bytes in = new Bytes(file);
            if (in.read() != '"') {
                throw new IOException("expected a string at byte " + offset);
            }
            decode(in, out);
        }
        return true;
    }

    /** Decodes a JSON string body (after the opening quote) up to its closing quote. */
    private static void decode(Bytes in, OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n = 0;
        int pendingHigh = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("unterminated string");
            }
            if (c == '"') {
                break;
            }
            if (n > buf.length - 8) {
                out.write(buf, 0, n);
                n = 0;
            }
            if (c != '\\') {
                if (pendingHigh >= 0) {
                    n = putCodePoint(buf, n, 0xFFFD);
                    pendingHigh = -1;
                }
                buf[n++] = (byte) c;
                continue;
            }
            int e = in.read();
            int cp;
            switch (e) {
                case '"' -> cp = '"';
                case '\\' -> cp = '\\';
                case '/' -> cp = '/';
                case 'b' -> cp = '\b';
                case 'f' -> cp = '\f';
                case 'n' -> cp = '\n';
                case 'r' -> cp = '\r';
                case 't' -> cp = '\t';
                case 'u' -> cp = hex(in.read(), in.read(), in.read(), in.read());
                default -> throw new IOException("bad escape \\" + (char) e);
            }
            if (Character.isHighSurrogate((char) cp)) {
                pendingHigh = cp;
                continue;
            }
            if (Character.isLowSurrogate((char) cp) && pendingHigh >= 0) {
                cp = Character.toCodePoint((char) pendingHigh, (char) cp);
            }
            pendingHigh = -1;
            n = putCodePoint(buf, n, cp);
        }
        out.write(buf, 0, n);
    }

    /** The four hex digits of a {@code \\u} escape; anything else is a malformed string, not a crash. */
    private static int hex(int... digits) throws IOException {
        int cp = 0;
        for (int d : digits) {
            if (d < 0) {
                throw new EOFException("unterminated string");
            }
            int v = Character.digit(d, 16);
            if (v < 0) {
                throw new IOException("bad \\u escape");
            }
            cp = cp * 16 + v;
        }
        return cp;
    }

    /**
     * A file's bytes one at a time from a buffer of our own: {@link java.io.BufferedInputStream#read()} takes a lock
     * per byte, which made decoding a 1.5 GB string take tens of seconds.
     */
    private static final class Bytes {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;

        Bytes(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (pos == len) {
                int n = in.read(buf, 0, buf.length);
                if (n <= 0) {
                    return -1; // read(byte[]) blocks until it has a byte or the end
                }
                len = n;
                pos = 0;
            }
            return buf[pos++] & 0xFF;
        }
    }

    private static int putCodePoint(byte[] buf, int n, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, buf, n, b.length);
        return n + b.length;
    }
}
