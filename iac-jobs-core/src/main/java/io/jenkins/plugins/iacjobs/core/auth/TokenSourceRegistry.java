package io.jenkins.plugins.iacjobs.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One token source per credential, shared by every job that uses it: a thousand waiting jobs with the same
 * client make one token request, not a thousand. Keys hold a digest of the secret, never the secret.
 */
public final class TokenSourceRegistry {
    private final Map<String, TokenSource> sources = new ConcurrentHashMap<>();

    /**
     * @param endpoint where the token comes from (token URL)
     * @param clientId the client id
     * @param secret   the secret or key material, only digested here
     */
    public TokenSource get(String endpoint, String clientId, String secret, Supplier<TokenSource> factory) {
        return sources.computeIfAbsent(endpoint + "|" + clientId + "|" + digest(secret), k -> factory.get());
    }

    public int size() {
        return sources.size();
    }

    private static String digest(String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
