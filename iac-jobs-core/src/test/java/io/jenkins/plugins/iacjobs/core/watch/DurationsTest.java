package io.jenkins.plugins.iacjobs.core.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesTheWaysPeopleWriteDurations() {
        assertEquals(Duration.ofMinutes(30), Durations.parse("timeout", "30m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("timeout", "1h30m"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("timeout", "45"));
        assertEquals(Duration.ofHours(2), Durations.parse("timeout", "PT2H"));
        assertEquals(Duration.ofDays(1), Durations.parse("since", "1d"));
        assertEquals(Duration.ofMillis(250), Durations.parse("poll", "250ms"));
    }

    @Test
    void refusesGarbageNamingTheFieldAndTheForm() {
        ValidationException e = assertThrows(ValidationException.class, () -> Durations.parse("timeout", "ten minutes"));
        assertTrue(e.getMessage().startsWith("timeout: 'ten minutes' is not a duration"), e.getMessage());
    }

    @Test
    void formatsCompactly() {
        assertEquals("1h2m3s", Durations.format(Duration.ofSeconds(3723)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
    }

    @Test
    void overflowingAndOutOfRangeDurationsAreValidationErrors() {
        ValidationException huge = assertThrows(ValidationException.class, () -> Durations.parse("--timeout", "99999999999999999999d"));
        assertTrue(huge.getMessage().startsWith("--timeout: '99999999999999999999d'"), huge.getMessage());
        assertThrows(ValidationException.class, () -> Durations.parse("--timeout", "9999999999999999d"));
        ValidationException zero = assertThrows(ValidationException.class,
                () -> Durations.parseBetween("--poll-min", "0s", Durations.MIN_POLL, Durations.MAX_POLL));
        assertTrue(zero.getMessage().contains("from 50ms to 10m"), zero.getMessage());
        assertEquals(Duration.ofDays(30), Durations.parseBetween("--timeout", "30d", Duration.ofSeconds(1), Durations.MAX_TIMEOUT));
        assertThrows(ValidationException.class, () -> Durations.parseBetween("--timeout", "31d", Duration.ofSeconds(1), Durations.MAX_TIMEOUT));
    }
}
