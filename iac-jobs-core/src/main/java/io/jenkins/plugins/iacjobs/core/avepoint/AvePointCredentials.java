package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * How an app registered in AvePoint Online Services proves who it is: a client secret, or a certificate whose
 * private key signs a client assertion (AvePoint recommends the certificate). {@code toString()} never shows a
 * secret or key.
 */
public sealed interface AvePointCredentials permits AvePointCredentials.Secret, AvePointCredentials.Certificate {

    String clientId();

    /**
     * Identifies this credential's secret material for token caching, as a digest: of the client secret, or of the
     * certificate and its private key together. Never the thumbprint alone: two credentials with the same public
     * certificate but different keys must not share a token.
     */
    String cacheKey();

    static AvePointCredentials secret(String clientId, String clientSecret) {
        return new Secret(new ClientCredentials(clientId, clientSecret));
    }

    static AvePointCredentials certificate(String clientId, X509Certificate certificate, PrivateKey privateKey) {
        return new Certificate(clientId, certificate, privateKey);
    }

    /** The app id and client secret, posted in the token request body. */
    /** The base64url SHA-1 thumbprint of the certificate's DER encoding ({@code x5t}). */
    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the certificate thumbprint", e);
        }
    }

    record Secret(ClientCredentials credentials) implements AvePointCredentials {
        @Override
        public String clientId() {
            return credentials.clientId();
        }

        @Override
        public String cacheKey() {
            return "secret:" + TokenSourceRegistry.digest(credentials.clientSecret());
        }

        @Override
        public String toString() {
            return "AvePointCredentials.Secret[clientId=" + clientId() + ", clientSecret=****]";
        }
    }

    /** The app id, the certificate registered for it and the certificate's RSA private key. */
    record Certificate(String clientId, X509Certificate certificate, PrivateKey privateKey) implements AvePointCredentials {
        public Certificate {
            if (clientId == null || clientId.isBlank()) {
                throw new ValidationException("client id", "is empty; give the application (client) id of the app registered in AvePoint Online Services");
            }
            if (certificate == null) {
                throw new ValidationException("certificate", "is missing; give the certificate registered for app '" + clientId + "'");
            }
            if (privateKey == null || !"RSA".equalsIgnoreCase(privateKey.getAlgorithm())) {
                throw new ValidationException("certificate", "has no RSA private key; the client assertion is signed with RS256,"
                        + " so the credential must hold the certificate's RSA private key");
            }
            clientId = clientId.strip();
        }

        @Override
        public String cacheKey() {
            byte[] key = privateKey.getEncoded();
            return "certificate:" + thumbprint(certificate) + ":"
                    + TokenSourceRegistry.digest(key == null ? privateKey.toString().getBytes(StandardCharsets.UTF_8) : key);
        }

        @Override
        public String toString() {
            return "AvePointCredentials.Certificate[clientId=" + clientId + ", x5t=" + thumbprint(certificate)
                    + ", privateKey=****]";
        }
    }
}
