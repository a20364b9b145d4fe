package io.jenkins.plugins.iacjobs.sandbox.genesys;

import io.jenkins.plugins.iacjobs.sandbox.TokenLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issued bearer tokens: opaque random strings that expire and can be revoked. */
final class TokenStore {

    private record Issued(String clientId, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final TokenLog issued;

    TokenStore(Clock clock, Duration lifetime, TokenLog issued) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.issued = issued;
    }

    String issue(String clientId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(clientId, clock.instant().plus(lifetime)));
        issued.record(token);
        return token;
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** The client the token was issued to, if it is known, unexpired and not revoked. */
    Optional<String> clientFor(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Issued issued = tokens.get(token);
        if (issued == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            tokens.remove(token, issued);
            return Optional.empty();
        }
        return Optional.of(issued.clientId());
    }

    void revoke(String token) {
        tokens.remove(token);
    }

    void revokeAll() {
        tokens.clear();
    }
}
