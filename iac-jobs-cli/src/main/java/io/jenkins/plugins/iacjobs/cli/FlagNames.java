package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Core's messages name options as the Pipeline step spells them ({@code failOn: 'stale'}, {@code startTime}); on the
 * command line the same option is a flag ({@code --fail-on stale}, {@code --start-time}), and a message must name
 * what the user can type.
 */
final class FlagNames {
    /** Step field to flag, for the names that are never plain English words. */
    private static final Map<String, String> CAMEL = Map.of("startTime", "--start-time", "finishTime", "--finish-time",
            "failOn", "--fail-on", "maxAge", "--max-age", "pageSize", "--page-size", "planOnlyTemplate", "--plan-only-template",
            "planOnly", "--plan-only", "dataCentre", "--data-centre");
    /** Step field to flag, for names that are also words: translated only where they name the field. */
    private static final Map<String, String> WORDS = Map.of("since", "--since", "type", "--type", "status", "--status",
            "organization", "--organization", "params", "-p", "workspace", "--workspace", "template", "--template",
            "accelerator", "--accelerator", "timeout", "--timeout");
    private static final Pattern CAMEL_WORD = Pattern.compile("\\b(" + String.join("|", CAMEL.keySet()) + ")\\b(: '([^']*)')?");
    private static final Pattern SINCE_AS_FIELD = Pattern.compile("\\b(either|use|widen) since\\b");

    private FlagNames() {
    }

    /** The message of {@code e} with every step field name written as its flag. */
    static String message(ValidationException e) {
        String field = e.field();
        String text = e.getMessage();
        String flag = WORDS.getOrDefault(field, CAMEL.get(field));
        if (flag != null && text.startsWith(field + ": ")) {
            text = flag + text.substring(field.length());
        }
        Matcher m = CAMEL_WORD.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = m.group(3);
            m.appendReplacement(b, Matcher.quoteReplacement(CAMEL.get(m.group(1)) + (value == null ? "" : " " + value)));
        }
        m.appendTail(b);
        return SINCE_AS_FIELD.matcher(b).replaceAll("$1 --since");
    }
}
