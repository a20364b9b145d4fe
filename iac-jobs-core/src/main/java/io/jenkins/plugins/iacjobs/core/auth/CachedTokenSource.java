package io.jenkins.plugins.iacjobs.core.auth;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.DeadlineLocks;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Caches one token and refreshes it before expiry. Refresh is single-flight: when many callers find the
 * token stale at once, one fetches and the others wait for its result. A caller with a deadline waits no longer
 * than that, and a fetch made for it is bounded by it (see {@link #withDeadlines}).
 */
public final class CachedTokenSource implements TokenSource {
    /** Gets a new token, sending nothing and waiting for nothing past {@code deadline} (null: the client's own limits). */
    @FunctionalInterface
    public interface Fetcher {
        AccessToken fetch(@CheckForNull Instant deadline);
    }

    private final Fetcher fetcher;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    @CheckForNull
    private volatile AccessToken current;

    /** A fetcher that knows no deadline: a caller's deadline still bounds its wait for another caller's fetch. */
    public CachedTokenSource(Supplier<AccessToken> fetcher, Clock clock) {
        this(deadline -> fetcher.get(), clock);
    }

    private CachedTokenSource(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** A source whose fetches honour the deadline of the call that needs the token. */
    public static CachedTokenSource withDeadlines(Fetcher fetcher, Clock clock) {
        return new CachedTokenSource(fetcher, clock);
    }

    @Override
    public String accessToken() {
        return accessToken(null);
    }

    @Override
    public String accessToken(@CheckForNull Instant deadline) {
        AccessToken t = current;
        if (t != null && !t.needsRefresh(clock.instant())) {
            return t.value();
        }
        DeadlineLocks.lock(lock, deadline, clock, "a token that another call was getting", "nothing was sent with it");
        try {
            t = current;
            if (t == null || t.needsRefresh(clock.instant())) {
                t = fetcher.fetch(deadline);
                current = t;
            }
            return t.value();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void invalidate(String token) {
        lock.lock();
        try {
            AccessToken t = current;
            if (t != null && t.value().equals(token)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "CachedTokenSource[" + current + "]";
    }
}
