package io.jenkins.plugins.iacjobs.core.genesys;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Similarity;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Filters for listing accelerators. {@code origin} and {@code type} are sent lowercase, as the API expects,
 * although responses capitalise them.
 */
public record AcceleratorQuery(@CheckForNull Integer pageSize, @CheckForNull Integer pageNumber, @CheckForNull String sortBy,
                               @CheckForNull String sortOrder, @CheckForNull String name,
                               @CheckForNull String description, @CheckForNull String origin, @CheckForNull String type,
                               @CheckForNull String classification, @CheckForNull String tags) {

    static final List<String> TYPES = List.of("module", "accelerator", "blueprint");
    static final List<String> ORIGINS = List.of("community", "partner", "genesys");

    /** The API's filters take these values only; anything else is refused here, before a request, with the choices. */
    public AcceleratorQuery {
        origin = checked("origin", lower(origin), ORIGINS);
        type = checked("type", lower(type), TYPES);
    }

    @CheckForNull
    private static String checked(String field, @CheckForNull String value, List<String> allowed) {
        if (value == null || allowed.contains(value)) {
            return value;
        }
        String closest = allowed.stream().min(Comparator.comparingInt(a -> Similarity.distance(a, value))).orElseThrow();
        throw new ValidationException(field, "'" + value + "' is not one of " + String.join(", ", allowed)
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

    @CheckForNull
    private static String lower(@CheckForNull String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
