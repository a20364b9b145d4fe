package io.jenkins.plugins.iacjobs.sandbox;

import java.util.Locale;

/**
 * Deterministic fault injection. API requests (not token endpoints, not {@code /sandbox/*}) are numbered 1, 2, 3…
 * in arrival order; a fault fires on every Nth one. A value of 0 turns a fault off. When several faults fall on the
 * same request, 429 wins over 5xx, which wins over 401.
 *
 * @param rateLimitEvery      every Nth API request answers 429; {@code Retry-After} alternates between {@code 1}
 *                            (seconds) and an HTTP-date about one to two seconds ahead
 * @param serverErrorEvery    every Nth API request answers 502, 503, 504 in rotation
 * @param dropSubmitResponses the first K job submissions create their job, then the connection is closed with no response
 * @param revokeTokensEvery   every Nth API request answers 401 and its bearer token is really revoked
 * @param latencyMillis       added before answering every API and token request
 * @param dropApprovals       the first K Terrakube approval PATCHes are lost on the way: the connection is closed
 *                            before the job is touched, so the client cannot know whether it arrived
 */
public record FaultPlan(int rateLimitEvery, int serverErrorEvery, int dropSubmitResponses, int revokeTokensEvery,
                        long latencyMillis, int dropApprovals) {

    static final int DEFAULT_RATE_LIMIT_EVERY = 7;
    static final int DEFAULT_SERVER_ERROR_EVERY = 5;
    static final int DEFAULT_DROP_SUBMITS = 1;
    static final int DEFAULT_REVOKE_EVERY = 11;
    static final long DEFAULT_LATENCY_MILLIS = 20;

    private static final String VALID_TOKENS =
            "all, none, 429[=N], 5xx[=N], drop-submit[=K], 401[=N], latency=MILLIS, drop-approve[=K] (comma-separated)";

    public FaultPlan {
        if (rateLimitEvery < 0 || serverErrorEvery < 0 || dropSubmitResponses < 0 || revokeTokensEvery < 0
                || latencyMillis < 0 || dropApprovals < 0) {
            throw new IllegalArgumentException("fault settings must not be negative");
        }
    }

    public FaultPlan(int rateLimitEvery, int serverErrorEvery, int dropSubmitResponses, int revokeTokensEvery, long latencyMillis) {
        this(rateLimitEvery, serverErrorEvery, dropSubmitResponses, revokeTokensEvery, latencyMillis, 0);
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(0, 0, 0, 0, 0);
    }

    /** Every fault at small values: 429 every 7th, 5xx every 5th, first submit response dropped, 401 every 11th. No latency. */
    public static FaultPlan all() {
        return new FaultPlan(DEFAULT_RATE_LIMIT_EVERY, DEFAULT_SERVER_ERROR_EVERY, DEFAULT_DROP_SUBMITS,
                DEFAULT_REVOKE_EVERY, 0);
    }

    /**
     * Parses a CLI value such as {@code "429,5xx,drop-submit,401,latency=50"}, {@code "429=3"}, {@code "all"} or
     * {@code "none"}. Tokens combine left to right; a bare token uses the value of {@link #all()}.
     *
     * @throws IllegalArgumentException naming the unknown token and listing the valid ones
     */
    public static FaultPlan parse(String spec) {
        FaultPlan plan = none();
        if (spec == null || spec.isBlank()) {
            return plan;
        }
        for (String rawToken : spec.split(",")) {
            String token = rawToken.trim().toLowerCase(Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq).trim();
            String value = eq < 0 ? null : token.substring(eq + 1).trim();
            plan = switch (name) {
                case "all" -> noValue(name, value, all().withLatencyMillis(plan.latencyMillis));
                case "none" -> noValue(name, value, none());
                case "429" -> plan.withRateLimitEvery(number(rawToken, value, DEFAULT_RATE_LIMIT_EVERY));
                case "5xx" -> plan.withServerErrorEvery(number(rawToken, value, DEFAULT_SERVER_ERROR_EVERY));
                case "drop-submit" -> plan.withDropSubmitResponses(number(rawToken, value, DEFAULT_DROP_SUBMITS));
                case "401" -> plan.withRevokeTokensEvery(number(rawToken, value, DEFAULT_REVOKE_EVERY));
                case "latency" -> plan.withLatencyMillis(number(rawToken, value, (int) DEFAULT_LATENCY_MILLIS));
                case "drop-approve" -> plan.withDropApprovals(number(rawToken, value, 1));
                default -> throw new IllegalArgumentException(
                        "Unknown fault '" + rawToken.trim() + "'; valid: " + VALID_TOKENS);
            };
        }
        return plan;
    }

    private static FaultPlan noValue(String name, String value, FaultPlan plan) {
        if (value != null) {
            throw new IllegalArgumentException("Fault '" + name + "' takes no value; valid: " + VALID_TOKENS);
        }
        return plan;
    }

    private static int number(String token, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Fault '" + token.trim() + "' needs a non-negative integer value; valid: " + VALID_TOKENS);
        }
    }

    public boolean isNone() {
        return equals(none());
    }

    public FaultPlan withRateLimitEvery(int n) {
        return new FaultPlan(n, serverErrorEvery, dropSubmitResponses, revokeTokensEvery, latencyMillis, dropApprovals);
    }

    public FaultPlan withServerErrorEvery(int n) {
        return new FaultPlan(rateLimitEvery, n, dropSubmitResponses, revokeTokensEvery, latencyMillis, dropApprovals);
    }

    public FaultPlan withDropSubmitResponses(int k) {
        return new FaultPlan(rateLimitEvery, serverErrorEvery, k, revokeTokensEvery, latencyMillis, dropApprovals);
    }

    public FaultPlan withRevokeTokensEvery(int n) {
        return new FaultPlan(rateLimitEvery, serverErrorEvery, dropSubmitResponses, n, latencyMillis, dropApprovals);
    }

    public FaultPlan withLatencyMillis(long millis) {
        return new FaultPlan(rateLimitEvery, serverErrorEvery, dropSubmitResponses, revokeTokensEvery, millis, dropApprovals);
    }

    public FaultPlan withDropApprovals(int k) {
        return new FaultPlan(rateLimitEvery, serverErrorEvery, dropSubmitResponses, revokeTokensEvery, latencyMillis, k);
    }

    /** The plan in {@link #parse} syntax. */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, "429", rateLimitEvery);
        append(sb, "5xx", serverErrorEvery);
        append(sb, "drop-submit", dropSubmitResponses);
        append(sb, "401", revokeTokensEvery);
        append(sb, "latency", latencyMillis);
        append(sb, "drop-approve", dropApprovals);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, long value) {
        if (value > 0) {
            sb.append(sb.length() == 0 ? "" : ",").append(name).append('=').append(value);
        }
    }
}
