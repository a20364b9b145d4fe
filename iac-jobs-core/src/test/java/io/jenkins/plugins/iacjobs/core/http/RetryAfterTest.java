package io.jenkins.plugins.iacjobs.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDeltaSeconds() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", clock));
    }

    @Test
    void readsAnHttpDate() {
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Mon, 23 Nov 2026 10:01:30 GMT", clock));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", clock));
    }

    @Test
    void ignoresGarbage() {
        assertNull(RetryAfter.parse("soon", clock));
        assertNull(RetryAfter.parse(null, clock));
    }

    @Test
    void backoffGrowsAndIsCappedWithJitter() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));
        for (int i = 0; i < 50; i++) {
            long first = p.backoff(1).toMillis();
            long late = p.backoff(8).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(late >= 500 && late <= 1000, "late " + late);
        }
        assertEquals(Duration.ofSeconds(5), p.delay(1, Duration.ofHours(1)), "a hostile Retry-After is capped");
    }
}
