package io.jenkins.plugins.iacjobs.core.auth;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Caches one token and refreshes it before expiry. Refresh is single-flight: when many callers find the
 * token stale at once, one fetches and the others wait for its result.
 */
public final class CachedTokenSource implements TokenSource {
    private final Supplier<AccessToken> fetcher;
    private final Clock clock;
    private final Object lock = new Object();
    @CheckForNull
    private volatile AccessToken current;

    public CachedTokenSource(Supplier<AccessToken> fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Override
    public String accessToken() {
        AccessToken t = current;
        if (t != null && !t.needsRefresh(clock.instant())) {
            return t.value();
        }
        synchronized (lock) {
            t = current;
            if (t == null || t.needsRefresh(clock.instant())) {
                t = fetcher.get();
                current = t;
            }
            return t.value();
        }
    }

    @Override
    public void invalidate(String token) {
        synchronized (lock) {
            AccessToken t = current;
            if (t != null && t.value().equals(token)) {
                current = null;
            }
        }
    }

    @Override
    public String toString() {
        return "CachedTokenSource[" + current + "]";
    }
}
