package io.jenkins.plugins.iacjobs.cli;

import java.util.regex.Pattern;

/** Words for command lines we print as hints: quoted so that pasting them into a POSIX shell gives the same words. */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
