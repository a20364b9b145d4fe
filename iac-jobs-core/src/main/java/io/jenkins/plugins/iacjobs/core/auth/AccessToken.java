package io.jenkins.plugins.iacjobs.core.auth;

import java.time.Instant;

/** A bearer token and when it expires. {@link #toString()} never shows the value. */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt) {

    /** Whether the token should be replaced by {@code now}: a fifth of its life, at most a minute, before expiry. */
    public boolean needsRefresh(Instant now) {
        long lifetime = Math.max(0, expiresAt.getEpochSecond() - issuedAt.getEpochSecond());
        long skew = Math.min(60, lifetime / 5);
        return !now.isBefore(expiresAt.minusSeconds(skew));
    }

    @Override
    public String toString() {
        return "AccessToken[****, expiresAt=" + expiresAt + "]";
    }
}
