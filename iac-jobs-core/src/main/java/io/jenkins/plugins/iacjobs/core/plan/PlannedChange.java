package io.jenkins.plugins.iacjobs.core.plan;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import java.util.regex.Pattern;

/**
 * One resource a plan would touch.
 *
 * @param address the resource's address as the plan names it ({@code module.net.aws_subnet.a["x"]})
 * @param type    its resource type ({@code aws_subnet}), or null when the plan does not say
 * @param name    its name ({@code a["x"]}), or null
 */
public record PlannedChange(Action action, @CheckForNull String address, @CheckForNull String type, @CheckForNull String name) {

    /** Names come from the remote's plan: made {@link Printable} once, for every place that shows them. */
    public PlannedChange {
        address = Printable.orNull(address);
        type = Printable.orNull(type);
        name = Printable.orNull(name);
    }

    /** What the plan does to the resource, with the sign Terraform prints for it. */
    public enum Action {
        CREATE("+", "create"), UPDATE("~", "update"), DESTROY("-", "destroy"), REPLACE("-/+", "replace");

        private final String sign;
        private final String word;

        Action(String sign, String word) {
            this.sign = sign;
            this.word = word;
        }

        public String sign() {
            return sign;
        }

        public String word() {
            return word;
        }
    }

    /** A trailing {@code ["key"]} or {@code [0]}; compiled once, as plans can name millions of resources. */
    private static final Pattern LAST_KEY = Pattern.compile("\\[[^\\]]*]$");

    /** Splits an address into type and name: the last two dot-separated parts outside brackets. */
    public static PlannedChange of(Action action, String address) {
        String bare = LAST_KEY.matcher(address).replaceAll("");
        int dot = bare.lastIndexOf('.');
        if (dot <= 0) {
            return new PlannedChange(action, address, null, address);
        }
        String before = bare.substring(0, dot);
        String type = before.substring(before.lastIndexOf('.') + 1);
        return new PlannedChange(action, address, type, address.substring(dot + 1));
    }

    /** Reads back a {@link #line()} ({@code + aws_subnet.a}); null for a line that is not one. */
    @CheckForNull
    public static PlannedChange fromLine(String line) {
        int space = line == null ? -1 : line.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        String sign = line.substring(0, space);
        for (Action a : Action.values()) {
            if (a.sign().equals(sign)) {
                return of(a, line.substring(space + 1));
            }
        }
        return null;
    }

    /** {@code + aws_subnet.a} */
    public String line() {
        return action.sign() + " " + address;
    }
}
