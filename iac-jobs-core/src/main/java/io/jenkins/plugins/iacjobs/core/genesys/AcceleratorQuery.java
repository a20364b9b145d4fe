package io.jenkins.plugins.iacjobs.core.genesys;

import java.util.Locale;

/**
 * Filters for listing accelerators. {@code origin} and {@code type} are sent lowercase, as the API expects,
 * although responses capitalise them.
 */
public record AcceleratorQuery(Integer pageSize, Integer pageNumber, String sortBy, String sortOrder, String name,
                               String description, String origin, String type, String classification, String tags) {

    public AcceleratorQuery {
        origin = lower(origin);
        type = lower(type);
    }

    public static AcceleratorQuery all() {
        return new AcceleratorQuery(100, 1, null, "asc", null, null, null, null, null, null);
    }

    public AcceleratorQuery page(int number) {
        return new AcceleratorQuery(pageSize, number, sortBy, sortOrder, name, description, origin, type, classification, tags);
    }

    public AcceleratorQuery withName(String n) {
        return new AcceleratorQuery(pageSize, pageNumber, sortBy, sortOrder, n, description, origin, type, classification, tags);
    }

    public AcceleratorQuery withType(String t) {
        return new AcceleratorQuery(pageSize, pageNumber, sortBy, sortOrder, name, description, origin, t, classification, tags);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
