package io.jenkins.plugins.iacjobs.core.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Short, single-line excerpts of remote bodies for error messages. */
public final class Excerpts {
    private static final int MAX = 200;

    private Excerpts() {
    }

    @CheckForNull
    public static String of(@CheckForNull String body) {
        if (body == null) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX ? flat : flat.substring(0, MAX) + "…";
    }
}
