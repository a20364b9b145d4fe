package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.io.Reader;

/**
 * A reader over {@code prefix + unit (separator unit)* + suffix}, generated on the fly. It stops after
 * {@code copies} units (when non-negative) and after {@code maxChars} characters (when non-negative).
 */
final class RepeatingReader extends Reader {

    private final String prefix;
    private final String unit;
    private final String separator;
    private final String suffix;
    private final long maxChars;
    private final long copies;
    private boolean prefixDone;
    private boolean suffixDone;
    private long emittedCopies;
    private long emittedChars;
    private String current = "";
    private int position;

    RepeatingReader(String prefix, String unit, String separator, long maxChars, String suffix, long copies) {
        if (copies < 0 && (maxChars < 0 || unit.isEmpty())) {
            throw new IllegalArgumentException("an unbounded repetition needs maxChars and a non-empty unit");
        }
        this.prefix = prefix;
        this.unit = unit;
        this.separator = separator;
        this.maxChars = maxChars;
        this.suffix = suffix;
        this.copies = copies;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length) {
            if (maxChars >= 0 && emittedChars >= maxChars) {
                break;
            }
            if (position == current.length()) {
                current = nextSegment();
                position = 0;
                if (current == null) {
                    current = "";
                    break;
                }
                continue;
            }
            int n = Math.min(length - written, current.length() - position);
            if (maxChars >= 0) {
                n = (int) Math.min(n, maxChars - emittedChars);
            }
            current.getChars(position, position + n, buffer, offset + written);
            position += n;
            written += n;
            emittedChars += n;
        }
        return written == 0 ? -1 : written;
    }

    private String nextSegment() {
        if (!prefixDone) {
            prefixDone = true;
            return prefix;
        }
        if (copies < 0 || emittedCopies < copies) {
            String segment = emittedCopies == 0 ? unit : separator + unit;
            emittedCopies++;
            return segment;
        }
        if (!suffixDone) {
            suffixDone = true;
            return suffix;
        }
        return null;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
