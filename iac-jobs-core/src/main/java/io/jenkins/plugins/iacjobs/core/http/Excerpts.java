package io.jenkins.plugins.iacjobs.core.http;

/** Short, single-line excerpts of remote bodies for error messages. */
public final class Excerpts {
    private static final int MAX = 200;

    private Excerpts() {
    }

    public static String of(String body) {
        if (body == null) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX ? flat : flat.substring(0, MAX) + "…";
    }
}
