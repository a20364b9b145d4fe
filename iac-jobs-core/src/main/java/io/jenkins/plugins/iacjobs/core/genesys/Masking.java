package io.jenkins.plugins.iacjobs.core.genesys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Masks sensitive parameter values for logs, summaries and artifacts. */
public final class Masking {
    public static final String MASK = "********";

    private Masking() {
    }

    public static Map<String, String> mask(Map<String, String> params, Set<String> sensitive) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, sensitive.contains(k) ? MASK : v));
        return out;
    }

    /** Replaces every occurrence of the given secret values in {@code text}. */
    public static String scrub(String text, Iterable<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}
