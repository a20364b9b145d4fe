package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Verifies a JWT client assertion the way an OAuth server should (RFC 7523 §3): RS256 only, the registered
 * certificate named by {@code x5t}, a valid signature, {@code iss} = {@code sub} = the client id, {@code aud} =
 * this token URL, inside {@code nbf}..{@code exp} (one minute of clock skew), at most an hour long, and a
 * {@code jti} never seen before.
 */
final class AssertionCheck {
    static final Duration SKEW = Duration.ofMinutes(1);
    static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private final String clientId;
    private final Supplier<TestCertificate> certificates;
    private final Clock clock;
    private final Map<String, Instant> usedJti = new ConcurrentHashMap<>();

    AssertionCheck(String clientId, Supplier<TestCertificate> certificates, Clock clock) {
        this.clientId = clientId;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** @return null when the assertion is good, else why not (for {@code error_description}) */
    String problem(String jwt, String audience) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            return "client_assertion is not a signed JWT (header.payload.signature)";
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = Json.MAPPER.readTree(decode(parts[0]));
            claims = Json.MAPPER.readTree(decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return "client_assertion header or payload is not base64url JSON";
        }
        if (!"RS256".equals(header.path("alg").asText())) {
            return "client_assertion alg must be RS256, got " + header.path("alg").asText("none");
        }
        TestCertificate certificate = certificates.get();
        if (!certificate.thumbprint().equals(header.path("x5t").asText())) {
            return "client_assertion x5t does not name a certificate registered for this app";
        }
        if (!signatureValid(parts, certificate)) {
            return "client_assertion signature is invalid for the registered certificate";
        }
        if (!clientId.equals(claims.path("iss").asText()) || !clientId.equals(claims.path("sub").asText())) {
            return "client_assertion iss and sub must both be the client id";
        }
        if (!audience.equals(claims.path("aud").asText())) {
            return "client_assertion aud must be the token URL " + audience;
        }
        if (!claims.path("exp").canConvertToLong() || !claims.path("nbf").canConvertToLong()) {
            return "client_assertion needs numeric nbf and exp";
        }
        Instant now = clock.instant();
        Instant nbf = Instant.ofEpochSecond(claims.get("nbf").asLong());
        Instant exp = Instant.ofEpochSecond(claims.get("exp").asLong());
        if (!now.isBefore(exp.plus(SKEW))) {
            return "client_assertion has expired (exp " + exp + ")";
        }
        if (now.plus(SKEW).isBefore(nbf)) {
            return "client_assertion is not valid yet (nbf " + nbf + ")";
        }
        if (Duration.between(nbf, exp).compareTo(MAX_LIFETIME) > 0) {
            return "client_assertion lives longer than an hour";
        }
        String jti = claims.path("jti").asText("");
        if (jti.isBlank()) {
            return "client_assertion has no jti";
        }
        usedJti.values().removeIf(e -> e.plus(SKEW).isBefore(now));
        if (usedJti.putIfAbsent(jti, exp) != null) {
            return "client_assertion jti was already used (replay)";
        }
        return null;
    }

    private static boolean signatureValid(String[] parts, TestCertificate certificate) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(certificate.publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }
}
