package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Locale;

/** Which job API a tenant is read with (API-DIGEST §3.1). */
public enum ApiGeneration {
    /** {@code GET /dynamicsbackup/jobs} with query parameters; paged by {@code nextLink} or {@code pageIndex}. */
    CURRENT,
    /** {@code POST /api/OpenApi/GetJobs} with a JSON filter; deprecated by AvePoint in December 2024. */
    LEGACY;

    public static ApiGeneration parse(String value) {
        if (value == null || value.isBlank()) {
            return CURRENT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("api", "'" + value + "' is not an API generation; use current or legacy");
        }
    }
}
