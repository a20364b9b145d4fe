package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import io.jenkins.plugins.iacjobs.sandbox.TokenLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque bearer tokens issued by the identity stand-in: they expire and can be revoked. */
final class IssuedTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final TokenLog log;

    IssuedTokens(Clock clock, Duration lifetime, TokenLog log) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.log = log;
    }

    String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "aos-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, clock.instant().plus(lifetime));
        log.record(token);
        return token;
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    boolean valid(String token) {
        Instant expires = token == null ? null : tokens.get(token);
        if (expires == null) {
            return false;
        }
        if (!clock.instant().isBefore(expires)) {
            tokens.remove(token);
            return false;
        }
        return true;
    }

    void revoke(String token) {
        if (token != null) {
            tokens.remove(token);
        }
    }

    void revokeAll() {
        tokens.clear();
    }
}
