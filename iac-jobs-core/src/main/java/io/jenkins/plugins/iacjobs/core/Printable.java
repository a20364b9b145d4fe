package io.jenkins.plugins.iacjobs.core;

/**
 * Text from a remote or a user made safe to print or write on one line: control characters (CR, LF, ESC, …)
 * become {@code ?}, so a crafted id or name cannot add lines to a console, a build log or {@code summary.md}.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
                b.append('?');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }
}
