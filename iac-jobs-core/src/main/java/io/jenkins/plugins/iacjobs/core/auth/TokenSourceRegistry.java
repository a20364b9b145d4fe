package io.jenkins.plugins.iacjobs.core.auth;

import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * One token source per credential, shared by every job that uses it: a thousand waiting jobs with the same
 * client make one token request, not a thousand. The key binds the secret material (a digest of the secret or
 * private key), so two credentials that share a client id or a certificate, but not their secret, never share a
 * token; rotated and idle credentials are let go (see {@link CredentialCache}).
 */
public final class TokenSourceRegistry {
    private final CredentialCache<TokenSource> sources;

    public TokenSourceRegistry() {
        this.sources = new CredentialCache<>();
    }

    public TokenSourceRegistry(Clock clock, Duration idle) {
        this.sources = new CredentialCache<>(clock, idle);
    }

    /**
     * @param endpoint       where the token comes from (token URL)
     * @param clientId       the client id
     * @param secretMaterial the secret, or for a certificate its key material; only its digest is kept
     */
    public TokenSource get(String endpoint, String clientId, String secretMaterial, Supplier<TokenSource> factory) {
        return getByDigest(endpoint, clientId, digest(secretMaterial), factory);
    }

    /** As {@link #get}, for a caller that already holds a {@link #digest} of the secret material (it keys its own cache). */
    public TokenSource getByDigest(String endpoint, String clientId, String secretDigest, Supplier<TokenSource> factory) {
        return sources.get(endpoint + "|" + clientId, secretDigest, factory);
    }

    public int size() {
        return sources.size();
    }

    /** A hex SHA-256 digest: what caches may keep of a secret. */
    public static String digest(String secretMaterial) {
        return digest(secretMaterial.getBytes(StandardCharsets.UTF_8));
    }

    public static String digest(byte[] secretMaterial) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secretMaterial));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
