package io.jenkins.plugins.iacjobs.core.http;

/**
 * Supplies bearer tokens. Implementations cache and refresh; {@link #invalidate} is called after a 401 so the
 * next call fetches a fresh token. Tokens are secrets: never log them or put them in a message.
 */
public interface TokenSource {
    /** A token that is valid now. Throws an {@link io.jenkins.plugins.iacjobs.core.IacJobsException} if none can be had. */
    String accessToken();

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
