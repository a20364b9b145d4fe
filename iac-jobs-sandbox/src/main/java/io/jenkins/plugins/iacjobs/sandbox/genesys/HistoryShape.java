package io.jenkins.plugins.iacjobs.sandbox.genesys;

/**
 * The payload of {@code GET /api/v2/infrastructureascode/jobs}. The SDK declares a single job; the real shape is
 * unknown (API-DIGEST §1.6), so clients must cope with all three.
 */
public enum HistoryShape {
    /** {@code {"entities":[job...],"pageSize":maxResults,"total":matches}} (default). */
    ENTITIES,
    /** A bare JSON array of jobs. */
    ARRAY,
    /** Only the first match as one job object; {@code {}} when nothing matches. */
    SINGLE
}
