package io.jenkins.plugins.iacjobs.core.http;

import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import okhttp3.HttpUrl;

/**
 * Appends a value that came from a user or a remote (an id, a name) to a URL as one encoded path segment. OkHttp
 * resolves {@code .} and {@code ..} even when they are added as one segment, so those, empty values and control
 * characters are refused rather than sent: an id must never walk up the API's path.
 */
public final class PathSegments {
    private PathSegments() {
    }

    /** @param field what the value is, for the error ("job id") */
    public static HttpUrl append(HttpUrl base, String field, String segment) {
        return base.newBuilder().addPathSegment(check(field, segment)).build();
    }

    public static String check(String field, String segment) {
        if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")
                || segment.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, "'" + Printable.of(segment) + "' cannot be used in a URL path");
        }
        return segment;
    }
}
