package io.jenkins.plugins.iacjobs.core.plan;

import io.jenkins.plugins.iacjobs.core.Printable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes terminal escape sequences (colours, cursor moves) from remote logs, so files and build logs read plainly. */
public final class Ansi {
    private static final Pattern CSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private Ansi() {
    }

    /**
     * A remote log as a console or build log shows it: colours kept only when asked for, and no other control
     * character (a BEL, a lone CR, what is left of another escape sequence) reaching the reader.
     */
    public static String shown(String text, boolean colours) {
        return Printable.lines(colours ? coloursOnly(text) : strip(text), colours);
    }

    /** Keeps the colour sequences ({@code ESC [ … m}) and removes every other one (cursor moves, screen clears). */
    private static String coloursOnly(String text) {
        if (text.indexOf('\u001B') < 0) {
            return text;
        }
        Matcher m = CSI.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        while (m.find()) {
            String sequence = m.group();
            m.appendReplacement(b, sequence.startsWith("\u001B[") && sequence.endsWith("m") ? Matcher.quoteReplacement(sequence) : "");
        }
        return m.appendTail(b).toString();
    }

    public static String strip(String text) {
        return text.indexOf('\u001B') < 0 ? text : CSI.matcher(text).replaceAll("");
    }
}
