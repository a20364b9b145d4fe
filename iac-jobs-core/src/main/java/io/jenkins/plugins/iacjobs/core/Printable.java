package io.jenkins.plugins.iacjobs.core;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Text from a remote or a user made safe to print or write: control characters (CR, LF, ESC, BEL, …) become
 * {@code ?}, so a crafted id, name, message or log cannot add lines to a console, a build log or {@code summary.md},
 * nor send a terminal escape sequence.
 */
public final class Printable {
    private Printable() {
    }

    /** One line: every control character becomes {@code ?}; null reads "null". */
    public static String of(@CheckForNull String text) {
        return text == null ? "null" : clean(text, false, false);
    }

    /** As {@link #of}, but null stays null: for optional fields of a model. */
    @CheckForNull
    public static String orNull(@CheckForNull String text) {
        return text == null ? null : clean(text, false, false);
    }

    /**
     * Lines of a remote log: line feeds and tabs stay, a carriage return before a line feed goes, every other control
     * character becomes {@code ?}, ESC too unless {@code keepEscape} (colours were asked for).
     */
    public static String lines(String text, boolean keepEscape) {
        return clean(text, true, keepEscape);
    }

    private static String clean(String text, boolean lines, boolean keepEscape) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            boolean keep = !control || (lines && (c == '\n' || c == '\t')) || (keepEscape && c == '\u001b');
            if (keep && b == null) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (keep) {
                b.append(c);
            } else if (!(lines && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                b.append('?');
            }
        }
        return b == null ? text : b.toString();
    }
}
