package io.jenkins.plugins.iacjobs.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A path such as {@code /api/v2/infrastructureascode/jobs/{jobId}}; {@code {name}} matches one segment. */
public final class PathPattern {

    private final String pattern;
    private final List<String> segments;

    private PathPattern(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern must start with '/': " + pattern);
        }
        this.pattern = pattern;
        this.segments = split(pattern);
    }

    public static PathPattern of(String pattern) {
        return new PathPattern(pattern);
    }

    /** The captured variables when {@code rawPath} matches, URL-decoded. */
    public Optional<Map<String, String>> match(String rawPath) {
        List<String> parts = split(rawPath);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String want = segments.get(i);
            String got = URLDecoder.decode(parts.get(i), StandardCharsets.UTF_8);
            if (want.startsWith("{") && want.endsWith("}")) {
                if (got.isEmpty()) {
                    return Optional.empty();
                }
                vars.put(want.substring(1, want.length() - 1), got);
            } else if (!want.equals(got)) {
                return Optional.empty();
            }
        }
        return Optional.of(vars);
    }

    private static List<String> split(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.substring(1).split("/", -1));
    }

    @Override
    public String toString() {
        return pattern;
    }
}
