package io.jenkins.plugins.iacjobs.core.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;

/**
 * Supplies bearer tokens. Implementations cache and refresh; {@link #invalidate} is called after a 401 so the
 * next call fetches a fresh token. Tokens are secrets: never log them or put them in a message.
 */
public interface TokenSource {
    /** A token that is valid now. Throws an {@link io.jenkins.plugins.iacjobs.core.IacJobsException} if none can be had. */
    String accessToken();

    /**
     * A token that is valid now, got before {@code deadline} (null: none): a token source that must fetch one sends
     * nothing and waits for nothing past it, and throws a {@link io.jenkins.plugins.iacjobs.core.WaitTimeoutException}
     * naming the token host instead. A run's overall timeout covers its token calls too.
     */
    default String accessToken(@CheckForNull Instant deadline) {
        return accessToken();
    }

    /** Forget {@code token} if it is the cached one (it was refused). */
    void invalidate(String token);

    /** A fixed token, such as a Terrakube personal access token: nothing to refresh. */
    static TokenSource fixed(String token) {
        return new TokenSource() {
            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public void invalidate(String t) {
                // a fixed token cannot be refreshed; the retry will fail with the remote's 401
            }

            @Override
            public String toString() {
                return "TokenSource.fixed(****)";
            }
        };
    }
}
