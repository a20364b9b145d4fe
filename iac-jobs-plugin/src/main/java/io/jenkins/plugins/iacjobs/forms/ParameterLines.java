package io.jenkins.plugins.iacjobs.forms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** {@code name=value} per line, as the freestyle form takes parameters. Blank lines and {@code #} comments are skipped. */
@Restricted(NoExternalUse.class)
public final class ParameterLines {

    private ParameterLines() {
    }

    public static LinkedHashMap<String, String> parse(@CheckForNull String text) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        if (text == null) {
            return m;
        }
        int n = 0;
        for (String raw : text.split("\\R")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(Messages.ParameterLines_malformed(n));
            }
            String name = line.substring(0, eq).strip();
            if (m.put(name, line.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(Messages.ParameterLines_duplicate(name, n));
            }
        }
        return m;
    }

    /** The inverse of {@link #parse}, for showing a map in a form. */
    public static String format(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
