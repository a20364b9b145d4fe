package io.jenkins.plugins.iacjobs.core.watch;

import java.time.Duration;

/**
 * How often to poll: start at {@code minInterval}, stretch by {@code backoffFactor} while nothing changes, never
 * beyond {@code maxInterval}; after a change, start fast again. A heartbeat is reported after
 * {@code heartbeatEvery} without change.
 */
public record PollSettings(Duration minInterval, Duration maxInterval, double backoffFactor, Duration heartbeatEvery) {

    public PollSettings {
        if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0 || backoffFactor < 1.0) {
            throw new IllegalArgumentException("poll interval bounds must satisfy 0 < min <= max and factor >= 1");
        }
    }

    public static PollSettings defaults() {
        // 5 s at most: what people poll at by hand. One listing call serves every job of a connection, so a short
        // ceiling costs one request per tick, not one per job; a longer one only makes detection later.
        return new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5, Duration.ofMinutes(1));
    }

    /** The same backoff and heartbeat, between other bounds (a connection's own poll interval settings). */
    public PollSettings withIntervals(Duration min, Duration max) {
        return new PollSettings(min, max, backoffFactor, heartbeatEvery);
    }

    Duration next(Duration current) {
        long next = (long) (current.toMillis() * backoffFactor);
        return Duration.ofMillis(Math.min(maxInterval.toMillis(), Math.max(minInterval.toMillis(), next)));
    }
}
