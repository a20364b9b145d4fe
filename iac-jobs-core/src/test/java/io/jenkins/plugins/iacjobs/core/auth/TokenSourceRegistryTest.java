package io.jenkins.plugins.iacjobs.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry's keys bind the secret material, and it lets go of rotated and idle credentials. */
class TokenSourceRegistryTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final AtomicInteger created = new AtomicInteger();

    private TokenSource newSource() {
        created.incrementAndGet();
        return TokenSource.fixed("t" + created.get());
    }

    @Test
    void sameClientWithOtherSecretMaterialGetsItsOwnSource() {
        TokenSourceRegistry r = new TokenSourceRegistry();
        TokenSource a = r.get("https://login/token", "client", "secret-a", this::newSource);
        TokenSource b = r.get("https://login/token", "client", "secret-b", this::newSource);
        assertNotSame(a, b);
        assertSame(b, r.get("https://login/token", "client", "secret-b", this::newSource));
    }

    @Test
    void aCallerThatDigestedTheSecretSharesTheSameSources() {
        TokenSourceRegistry r = new TokenSourceRegistry();
        TokenSource a = r.get("https://login/token", "client", "secret-a", this::newSource);
        assertSame(a, r.getByDigest("https://login/token", "client", TokenSourceRegistry.digest("secret-a"), this::newSource));
        assertNotSame(a, r.getByDigest("https://login/token", "client", TokenSourceRegistry.digest("secret-b"), this::newSource));
    }

    @Test
    void aRotatedSecretEvictsTheOldOne() {
        TokenSourceRegistry r = new TokenSourceRegistry();
        r.get("https://login/token", "client", "old", this::newSource);
        r.get("https://login/token", "other-client", "x", this::newSource);
        r.get("https://login/token", "client", "new", this::newSource);
        assertEquals(2, r.size(), "the old secret's source is gone, the other client's stays");
    }

    @Test
    void idleSourcesAreDropped() {
        MovableClock clock = new MovableClock();
        TokenSourceRegistry r = new TokenSourceRegistry(clock, Duration.ofMinutes(30));
        r.get("https://a/token", "a", "s", this::newSource);
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        r.get("https://b/token", "b", "s", this::newSource);
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        r.get("https://b/token", "b", "s", this::newSource);
        assertEquals(1, r.size(), "a was idle for 40 minutes, b is in use");
        assertEquals(2, created.get());
    }

    @Test
    void theKeyIsADigestNeverTheSecret() {
        String d = TokenSourceRegistry.digest("sbx-secret");
        assertEquals(64, d.length());
        assertEquals(d, TokenSourceRegistry.digest("sbx-secret".getBytes(StandardCharsets.UTF_8)));
    }
}
