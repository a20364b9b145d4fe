package io.jenkins.plugins.iacjobs.core.plan;

import java.util.regex.Pattern;

/** Removes terminal escape sequences (colours, cursor moves) from remote logs, so files and build logs read plainly. */
public final class Ansi {
    private static final Pattern CSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private Ansi() {
    }

    public static String strip(String text) {
        return text.indexOf('\u001B') < 0 ? text : CSI.matcher(text).replaceAll("");
    }
}
