package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A self-signed RSA certificate made at sandbox start with JDK APIs only: the X.509 structure is written by
 * {@link Der}, signed with SHA256withRSA and read back through {@link CertificateFactory}. It stands for the
 * certificate an app registration in AvePoint Online Services holds.
 */
public final class TestCertificate {
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private TestCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A new 2048-bit key pair and a certificate for {@code CN=commonName}, valid from an hour ago for a year. */
    public static TestCertificate generate(String commonName) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048);
            KeyPair pair = kpg.generateKeyPair();
            return new TestCertificate(selfSign(commonName, pair, Instant.now()), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the sandbox test certificate", e);
        }
    }

    private static X509Certificate selfSign(String cn, KeyPair pair, Instant now) throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nul());
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(cn))));
        byte[] validity = Der.sequence(Der.utcTime(UTC_TIME.format(now.minus(Duration.ofHours(1)))),
                Der.utcTime(UTC_TIME.format(now.plus(Duration.ofDays(365)))));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                algorithm, name, validity, name,
                pair.getPublic().getEncoded());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(rsa.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    /** The base64url SHA-1 of the DER certificate: what a client puts in the JWT {@code x5t} header. */
    public String thumbprint() {
        return thumbprint(certificate);
    }

    static String thumbprint(X509Certificate c) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unencrypted PKCS#8. A test key: never a real one. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** Writes a PKCS#12 key store holding the key and certificate under alias {@code sandbox}. */
    public void writePkcs12(Path file, char[] password) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("sandbox", privateKey, password, new Certificate[] {certificate});
            ks.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    @Override
    public String toString() {
        return "TestCertificate[" + certificate.getSubjectX500Principal() + ", x5t=" + thumbprint() + "]";
    }
}
