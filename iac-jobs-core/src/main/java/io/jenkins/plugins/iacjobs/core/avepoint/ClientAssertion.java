package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A signed JWT client assertion (RFC 7523) as AvePoint's identity service expects: RS256, {@code iss} and
 * {@code sub} the client id, {@code aud} the token URL, a fresh {@code jti}, {@code nbf}/{@code exp}, and the
 * certificate thumbprint as {@code x5t}, which is how .NET's {@code X509SigningCredentials} names the key.
 */
public final class ClientAssertion {
    /** Short, because the assertion is used once, at once. AvePoint's sample uses an hour. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private ClientAssertion() {
    }

    /** Signs an assertion valid from {@code now} for {@link #LIFETIME}. */
    public static String sign(AvePointCredentials.Certificate credentials, String audience, Instant now) {
        return sign(credentials, audience, now, now.plus(LIFETIME));
    }

    static String sign(AvePointCredentials.Certificate c, String audience, Instant notBefore, Instant expires) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("x5t", AvePointCredentials.thumbprint(c.certificate()));
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", c.clientId());
        claims.put("sub", c.clientId());
        claims.put("aud", audience);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("nbf", notBefore.getEpochSecond());
        claims.put("iat", notBefore.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        String signingInput = B64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(c.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new ValidationException("certificate",
                    "its private key cannot sign a client assertion (" + e.getClass().getSimpleName() + ")");
        }
    }

}
