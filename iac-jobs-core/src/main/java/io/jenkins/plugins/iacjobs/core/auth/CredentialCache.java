package io.jenkins.plugins.iacjobs.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values that belong to one credential (a token source, a client that holds one): shared while the credential is
 * the same, never shared across different secret material. Keys hold a digest of the secret, never the secret.
 * A value is dropped when its scope (a client id at a token URL, or a connection) shows up with other secret
 * material, which means the secret was rotated, and when it has not been used for the idle time, so old secrets
 * and the tokens made from them do not stay in memory. Whoever still holds a dropped value may go on using it.
 */
public final class CredentialCache<V> {
    public static final Duration DEFAULT_IDLE = Duration.ofHours(1);

    private record Entry<V>(String scope, V value, Instant lastUsed) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    public CredentialCache() {
        this(Clock.systemUTC(), DEFAULT_IDLE);
    }

    public CredentialCache(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /**
     * @param scope        what the credential is for, without any secret (token URL and client id, or a connection)
     * @param secretDigest a digest of the secret material, see {@link TokenSourceRegistry#digest(String)}
     */
    public V get(String scope, String secretDigest, Supplier<V> factory) {
        Instant now = clock.instant();
        String key = scope + "|" + secretDigest;
        entries.entrySet().removeIf(e -> !e.getKey().equals(key)
                && (e.getValue().scope().equals(scope) || e.getValue().lastUsed().plus(idle).isBefore(now)));
        return entries.compute(key, (k, e) -> new Entry<>(scope, e == null ? factory.get() : e.value(), now)).value();
    }

    public int size() {
        return entries.size();
    }
}
