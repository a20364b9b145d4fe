package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;

/** Checks on values read from the environment, shared by every system's options. */
final class EnvValues {
    private EnvValues() {
    }

    /**
     * A credential from the environment with a line break or another control character in it (a file read with its
     * trailing newline, say) cannot go into a header: the user's input, named, never echoed.
     */
    static void requireOneLine(String variable, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(variable, "contains a line break or another control character; export the value"
                    + " alone (for a file: export " + variable + "=\"$(tr -d '\\r\\n' < FILE)\")");
        }
    }
}
