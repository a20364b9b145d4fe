package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads certificate credentials with JDK APIs only: a key store (what a Jenkins certificate credential holds),
 * a PKCS#12 file, or a PEM certificate plus an unencrypted PKCS#8 PEM key. Errors never quote key material.
 */
public final class CertificateLoader {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private CertificateLoader() {
    }

    /** The first entry of {@code keyStore} that holds an RSA private key and a certificate. */
    public static AvePointCredentials.Certificate fromKeyStore(String clientId, KeyStore keyStore, char[] password) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (!keyStore.isKeyEntry(alias)) {
                    continue;
                }
                Key key = keyStore.getKey(alias, password);
                Certificate cert = keyStore.getCertificate(alias);
                if (key instanceof PrivateKey pk && "RSA".equalsIgnoreCase(pk.getAlgorithm()) && cert instanceof X509Certificate x) {
                    return new AvePointCredentials.Certificate(clientId, x, pk);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ValidationException("certificate", "the key store cannot be read with the given password ("
                    + e.getClass().getSimpleName() + ")");
        }
        throw new ValidationException("certificate", "the key store holds no RSA private key with an X.509 certificate");
    }

    public static AvePointCredentials.Certificate fromPkcs12(String clientId, Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return fromKeyStore(clientId, ks, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new ValidationException("certificate", "cannot read PKCS#12 file " + file
                    + " (wrong password or not a .p12/.pfx file: " + e.getClass().getSimpleName() + ")");
        }
    }

    /** A PEM certificate and a PEM private key ({@code BEGIN PRIVATE KEY}); both may be in one file. */
    public static AvePointCredentials.Certificate fromPem(String clientId, String certificatePem, String privateKeyPem) {
        X509Certificate cert;
        try {
            byte[] der = block(certificatePem, "CERTIFICATE");
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new ValidationException("certificate", "is not a PEM X.509 certificate");
        }
        if (privateKeyPem.contains("BEGIN RSA PRIVATE KEY") || privateKeyPem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new ValidationException("private key", "is PKCS#1 or encrypted; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem', or use a PKCS#12 file");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(block(privateKeyPem, "PRIVATE KEY")));
            return new AvePointCredentials.Certificate(clientId, cert, key);
        } catch (GeneralSecurityException e) {
            throw new ValidationException("private key", "is not an unencrypted PKCS#8 RSA key (BEGIN PRIVATE KEY)");
        }
    }

    public static AvePointCredentials.Certificate fromPemFiles(String clientId, Path certificate, Path privateKey) {
        try {
            return fromPem(clientId, Files.readString(certificate, StandardCharsets.US_ASCII),
                    Files.readString(privateKey, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ValidationException("certificate", "cannot read " + certificate + " or " + privateKey + ": " + e.getMessage());
        }
    }

    private static byte[] block(String pem, String type) {
        Matcher m = PEM.matcher(pem == null ? "" : pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(m.group(2));
            }
        }
        throw new ValidationException(type.toLowerCase(Locale.ROOT), "no '-----BEGIN " + type + "-----' block found");
    }
}
