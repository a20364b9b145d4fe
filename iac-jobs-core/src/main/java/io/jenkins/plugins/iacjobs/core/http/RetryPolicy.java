package io.jenkins.plugins.iacjobs.core.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry. 429 is always retried after {@code Retry-After} (the request was refused,
 * so repeating it is safe); 502/503/504 and I/O failures are retried only for idempotent calls.
 *
 * @param maxAttempts    attempts in total, the first included; 1 means no retry
 * @param initialBackoff first backoff when the remote gave no {@code Retry-After}
 * @param maxBackoff     cap on one backoff
 * @param maxRetryAfter  cap on a remote-requested wait, so a hostile header cannot park us for hours
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofMinutes(2));
    }

    /** One attempt: for callers, such as the watcher, that reschedule instead of waiting. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** Backoff before retry number {@code retry} (1-based): exponential, capped, with jitter in [50%, 100%]. */
    public Duration backoff(int retry) {
        long base = initialBackoff.toMillis();
        long capped = Math.min(maxBackoff.toMillis(), base << Math.min(20, Math.max(0, retry - 1)));
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** The wait before a retry: the remote's {@code Retry-After} if it gave one (capped), else the backoff. */
    public Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        return backoff(retry);
    }
}
