package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.TestClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AvePointSandboxTest {
    private static Sandbox sandbox;
    private static TestClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        client = new TestClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void certificateIsSelfSignedAndReadByTheJdk() throws Exception {
        TestCertificate c = sandbox.avepoint().certificate();
        c.certificate().checkValidity();
        c.certificate().verify(c.publicKey());
        assertEquals(27, c.thumbprint().length()); // base64url of 20 bytes
    }

    @Test
    void tenantIsDeterministicAndHasEveryTypeAndStatus() {
        TenantSpec spec = TenantSpec.defaults().withAnchor(Instant.parse("2025-01-31T00:00:00Z"));
        Tenant a = Tenant.generate(spec);
        Tenant b = Tenant.generate(spec);
        assertEquals(a.jobs(), b.jobs());
        assertEquals(Set.of(1, 2, 4, 8, 16, 32), a.jobs().stream().map(D365Job::type).collect(Collectors.toSet()));
        assertEquals(Set.of(2, 3, 4, 7), a.jobs().stream().map(D365Job::status).collect(Collectors.toSet()));
        Tenant.Organisation stale = a.staleOrganisation();
        Instant threeDaysAgo = spec.anchor().minus(Duration.ofDays(3));
        assertFalse(a.jobs().stream().anyMatch(j -> j.organizationId().equals(stale.id()) && j.type() == 1 && j.status() == 3
                && j.startTime().isAfter(threeDaysAgo)));
    }

    @Test
    void secretInTheBodyWithTheScopeAloneGetsAToken() throws Exception {
        assertEquals(200, token("client_id=" + sandbox.avepoint().clientId() + "&client_secret="
                + sandbox.avepoint().clientSecret() + "&scope=dynamics.readwrite.all&grant_type=client_credentials").status());
        TestClient.Response withOthers = token("client_id=" + sandbox.avepoint().clientId() + "&client_secret="
                + sandbox.avepoint().clientSecret() + "&scope=" + URLEncoder.encode("dynamics.readwrite.all openid", StandardCharsets.UTF_8)
                + "&grant_type=client_credentials");
        assertEquals(400, withOthers.status());
        assertEquals("invalid_scope", withOthers.json().get("error").asText());
        TestClient.Response wrong = token("client_id=" + sandbox.avepoint().clientId()
                + "&client_secret=nope&scope=dynamics.readwrite.all&grant_type=client_credentials");
        assertEquals("invalid_client", wrong.json().get("error").asText());
    }

    @Test
    void pagesFollowTheDocumentedNextLinkWithNothingLostOrRepeated() throws Exception {
        String bearer = token("client_id=" + sandbox.avepoint().clientId() + "&client_secret=" + sandbox.avepoint().clientSecret()
                + "&scope=dynamics.readwrite.all&grant_type=client_credentials").json().get("access_token").asText();
        Instant finish = sandbox.avepoint().tenant().jobs().get(0).startTime();
        Instant start = finish.minus(Duration.ofDays(2));
        String query = "type=1&startTime=" + start + "&finishTime=" + finish + "&pageSize=37";
        Set<String> ids = new HashSet<>();
        int rows = 0;
        String next = "/jobs?pageIndex=1&" + query;
        while (next != null) {
            assertTrue(next.startsWith("/jobs?"), next);
            JsonNode page = client.getWithToken("/dynamicsbackup" + next, bearer).json();
            for (JsonNode j : page.get("jobs")) {
                ids.add(j.get("jobId").asText());
                rows++;
            }
            assertEquals(37, page.get("pageSize").asInt());
            next = page.get("nextLink").isNull() ? null : page.get("nextLink").asText();
        }
        long expected = sandbox.avepoint().count(1, start, finish, null, null);
        assertEquals(expected, rows);
        assertEquals(expected, ids.size());
    }

    @Test
    void legacyGetJobsTakesEndTimeInTheBody() throws Exception {
        String bearer = token("client_id=" + sandbox.avepoint().clientId() + "&client_secret=" + sandbox.avepoint().clientSecret()
                + "&scope=dynamics.readwrite.all&grant_type=client_credentials").json().get("access_token").asText();
        Instant finish = sandbox.avepoint().tenant().jobs().get(0).startTime();
        String body = "{\"pageInfo\":{\"currentPage\":2,\"pageSize\":10},\"type\":0,\"startTime\":\"" + finish.minus(Duration.ofDays(1))
                + "\",\"endTime\":\"" + finish + "\",\"status\":4}";
        TestClient.Response r = client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/OpenApi/GetJobs"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, r.status(), r.body());
        assertNotNull(r.json().get("totalCount"));
        r.json().get("jobs").forEach(j -> assertEquals(4, j.get("status").asInt()));
    }

    private static TestClient.Response token(String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }
}
