package io.jenkins.plugins.iacjobs.core.watch;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations the way people write them: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d}. */
public final class Durations {
    /** Longest timeout a job may be given: beyond this a number is a typo, not a plan. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(30);
    /** Shortest poll interval: anything shorter is a busy loop against someone's API. */
    public static final Duration MIN_POLL = Duration.ofMillis(50);
    public static final Duration MAX_POLL = Duration.ofMinutes(10);
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** {@link #parse}, then checks {@code min <= d <= max}; the error names the field, the value and the range. */
    public static Duration parseBetween(String field, String text, Duration min, Duration max) {
        Duration d = parse(field, text);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ValidationException(field, "'" + text + "' is out of range; give a duration from " + format(min)
                    + " to " + format(max));
        }
        return d;
    }

    /** A job's overall timeout, as every front end bounds it: from 1 s to {@link #MAX_TIMEOUT}. */
    public static Duration parseTimeout(String field, String text) {
        return parseBetween(field, text, MIN_TIMEOUT, MAX_TIMEOUT);
    }

    public static Duration parse(String field, String text) {
        try {
            return parseUnbounded(field, text);
        } catch (ArithmeticException | NumberFormatException tooLong) {
            throw new ValidationException(field, "'" + text + "' is far too long; write it like 30m, 2h, 1h30m or 45s");
        }
    }

    private static Duration parseUnbounded(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "is empty; give a duration such as 30m, 2h or 1h30m");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException notIso) {
            // try the short form
        }
        Matcher m = PART.matcher(t.replace(" ", ""));
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.replace(" ", "").length()) {
            throw new ValidationException(field, "'" + text + "' is not a duration; write it like 30m, 2h, 1h30m or 45s");
        }
        return d;
    }

    public static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.getSeconds();
        if (s >= 86_400 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s < 1) {
            return d.toMillis() + "ms";
        }
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || b.length() == 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
