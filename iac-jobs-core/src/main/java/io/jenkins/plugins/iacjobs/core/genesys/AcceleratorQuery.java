package io.jenkins.plugins.iacjobs.core.genesys;

import java.util.Locale;

/**
 * Filters for listing accelerators. {@code origin} and {@code type} are sent lowercase, as the API expects,
 * although responses capitalise them.
 */
public record AcceleratorQuery(Integer pageSize, Integer pageNumber, String sortBy, String sortOrder, String name,
                               String description, String origin, String type, String classification, String tags) {

    static final java.util.List<String> TYPES = java.util.List.of("module", "accelerator", "blueprint");
    static final java.util.List<String> ORIGINS = java.util.List.of("community", "partner", "genesys");

    /** The API's filters take these values only; anything else is refused here, before a request, with the choices. */
    public AcceleratorQuery {
        origin = checked("origin", lower(origin), ORIGINS);
        type = checked("type", lower(type), TYPES);
    }

    private static String checked(String field, String value, java.util.List<String> allowed) {
        if (value == null || allowed.contains(value)) {
            return value;
        }
        String closest = allowed.stream().min(java.util.Comparator.comparingInt(a -> Similarity.distance(a, value))).orElseThrow();
        throw new io.jenkins.plugins.iacjobs.core.ValidationException(field, "'" + value + "' is not one of " + String.join(", ", allowed)
                + (Similarity.distance(closest, value) <= 2 ? "; did you mean '" + closest + "'?" : ""));
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
