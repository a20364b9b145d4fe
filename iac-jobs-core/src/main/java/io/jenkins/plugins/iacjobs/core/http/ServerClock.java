package io.jenkins.plugins.iacjobs.core.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The remote's clock as seen through the HTTP {@code Date} header of its latest answer (second precision).
 * Used to read remote timestamps against our own: "submitted since we sent" must be asked in the remote's time,
 * or a skewed clock makes a lookup window either miss the job or take in someone else's.
 */
public final class ServerClock {
    private final Clock local;
    private final AtomicReference<Duration> offset = new AtomicReference<>();

    public ServerClock(Clock local) {
        this.local = local;
    }

    /** Notes the remote's {@code Date} header of an answer that just arrived. */
    void observe(@CheckForNull String dateHeader) {
        if (dateHeader == null) {
            return;
        }
        try {
            Instant remote = ZonedDateTime.parse(dateHeader, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            offset.set(Duration.between(local.instant(), remote));
        } catch (DateTimeParseException ignored) {
            // a server without a readable Date header: keep the last estimate
        }
    }

    /** Our instant {@code t} in the remote's time, if any answer told us the remote's clock. */
    public Optional<Instant> toRemote(Instant t) {
        Duration d = offset.get();
        return d == null ? Optional.empty() : Optional.of(t.plus(d));
    }
}
