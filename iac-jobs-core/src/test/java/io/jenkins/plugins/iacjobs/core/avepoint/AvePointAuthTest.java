package io.jenkins.plugins.iacjobs.core.avepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.AccessToken;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.AvePointSandbox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AvePointAuthTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static AccessToken token(AvePointCredentials c, Clock clock) {
        return AvePointAuth.grant(AvePointFixture.HTTP, Json.newMapper(), AvePointFixture.endpoints(sandbox), c, clock).get();
    }

    @Test
    void secretGetsATokenThatTheJobsApiAccepts() {
        long before = sandbox.counters().get(AvePointSandbox.TOKEN_REQUESTS);
        AvePointClient client = AvePointFixture.client(sandbox, AvePointFixture.secret(sandbox), ApiGeneration.CURRENT);
        JobQuery q = new JobQuery(JobType.BACKUP, Instant.now().minus(Duration.ofHours(6)), Instant.now(), null, null, null, 100);
        ReadStats stats = client.readJobs(q, (job, raw) -> { });
        assertTrue(stats.jobs() > 0);
        assertEquals(before + 1, sandbox.counters().get(AvePointSandbox.TOKEN_REQUESTS), "one token serves every page");
    }

    @Test
    void certificateAssertionGetsAToken() {
        AccessToken t = token(AvePointFixture.certificate(sandbox), Clock.systemUTC());
        assertNotNull(t.value());
        assertFalse(t.toString().contains(t.value()));
    }

    @Test
    void assertionSignedByAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        AvePointCredentials forged = AvePointCredentials.certificate(sandbox.avepoint().clientId(),
                sandbox.avepoint().certificate().certificate(), kpg.generateKeyPair().getPrivate());
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> token(forged, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("signature is invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
    }

    @Test
    void certificateTwinWithAnotherKeyGetsNoCachedToken() throws Exception {
        TokenSourceRegistry registry = new TokenSourceRegistry();
        AvePointCredentials good = AvePointFixture.certificate(sandbox);
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        AvePointCredentials twin = AvePointCredentials.certificate(good.clientId(),
                sandbox.avepoint().certificate().certificate(), kpg.generateKeyPair().getPrivate());
        long before = sandbox.counters().get(AvePointSandbox.TOKEN_REQUESTS);
        AvePointAuth.tokenSource(registry, AvePointFixture.HTTP, Json.newMapper(), AvePointFixture.endpoints(sandbox), good,
                Clock.systemUTC()).accessToken();
        IacJobsException e = assertThrows(IacJobsException.class, () -> AvePointAuth.tokenSource(registry, AvePointFixture.HTTP,
                Json.newMapper(), AvePointFixture.endpoints(sandbox), twin, Clock.systemUTC()).accessToken());
        assertEquals(IacJobsException.Kind.AUTHENTICATION, e.kind());
        assertEquals(before + 2, sandbox.counters().get(AvePointSandbox.TOKEN_REQUESTS), "the twin asked for its own token");
    }

    @Test
    void expiredAssertionIsRefused() {
        Clock twoHoursSlow = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> token(AvePointFixture.certificate(sandbox), twoHoursSlow));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void wrongSecretIsRefusedWithoutShowingIt() {
        String secret = "sbx-wrong-secret-value-0123456789";
        IacJobsException e = assertThrows(IacJobsException.class,
                () -> token(AvePointCredentials.secret(sandbox.avepoint().clientId(), secret), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
        assertEquals(IacJobsException.Kind.AUTHENTICATION, e.kind());
        assertFalse(e.getMessage().contains(secret));
        assertFalse(AvePointCredentials.secret("id", secret).toString().contains(secret));
    }

    @Test
    void secretGoesInTheBodyWithTheScopeAlone() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"t\"}"));
            server.start();
            AvePointEndpoints ep = AvePointEndpoints.of(server.url("/connect/token").toString(), server.url("/").toString());
            AvePointAuth.grant(AvePointFixture.HTTP, Json.newMapper(), ep, AvePointCredentials.secret("app", "s3cret"), Clock.systemUTC()).get();
            var request = server.takeRequest();
            assertEquals(null, request.getHeader("Authorization"));
            Map<String, String> form = form(request.getBody().readUtf8());
            assertEquals(Map.of("grant_type", "client_credentials", "client_id", "app", "client_secret", "s3cret",
                    "scope", "dynamics.readwrite.all"), form);
        }
    }

    @Test
    void assertionCarriesTheDocumentedClaimsAndX5t() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"t\"}"));
            server.start();
            AvePointEndpoints ep = AvePointEndpoints.of(server.url("/connect/token").toString(), server.url("/").toString());
            AvePointCredentials.Certificate c = (AvePointCredentials.Certificate) AvePointFixture.certificate(sandbox);
            AvePointAuth.grant(AvePointFixture.HTTP, Json.newMapper(), ep, c, Clock.systemUTC()).get();
            Map<String, String> form = form(server.takeRequest().getBody().readUtf8());
            assertEquals(ClientAssertion.TYPE, form.get("client_assertion_type"));
            assertEquals("dynamics.readwrite.all", form.get("scope"));
            String[] jwt = form.get("client_assertion").split("\\.");
            ObjectMapper m = new ObjectMapper();
            JsonNode header = m.readTree(Base64.getUrlDecoder().decode(jwt[0]));
            JsonNode claims = m.readTree(Base64.getUrlDecoder().decode(jwt[1]));
            assertEquals("RS256", header.get("alg").asText());
            assertEquals(sandbox.avepoint().certificate().thumbprint(), header.get("x5t").asText());
            assertEquals(c.clientId(), claims.get("iss").asText());
            assertEquals(c.clientId(), claims.get("sub").asText());
            assertEquals(server.url("/connect/token").toString(), claims.get("aud").asText());
            assertFalse(claims.get("jti").asText().isBlank());
            assertTrue(claims.get("exp").asLong() > claims.get("nbf").asLong());
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(c.certificate().getPublicKey());
            rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            assertTrue(rsa.verify(Base64.getUrlDecoder().decode(jwt[2])));
        }
    }

    @Test
    void certificateLoadsFromPemAndPkcs12() throws Exception {
        var cert = sandbox.avepoint().certificate();
        AvePointCredentials.Certificate pem = CertificateLoader.fromPem("app", cert.certificatePem(), cert.privateKeyPem());
        assertEquals(cert.thumbprint(), AvePointCredentials.thumbprint(pem.certificate()));
        Path p12 = Files.createTempFile("sandbox", ".p12");
        try {
            cert.writePkcs12(p12, "pw".toCharArray());
            AvePointCredentials.Certificate fromP12 = CertificateLoader.fromPkcs12("app", p12, "pw".toCharArray());
            assertEquals(cert.thumbprint(), AvePointCredentials.thumbprint(fromP12.certificate()));
            assertFalse(fromP12.toString().contains("BEGIN"));
            assertThrows(ValidationException.class,
                    () -> CertificateLoader.fromPkcs12("app", p12, "wrong".toCharArray()));
        } finally {
            Files.deleteIfExists(p12);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
