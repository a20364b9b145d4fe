package io.jenkins.plugins.iacjobs.sandbox.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {

    private Sandbox sandbox;
    private TestClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTokenLifetimeSeconds(1));
        client = new TestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void clientCredentialsGrantIssuesBearerToken() throws Exception {
        TestClient.Response response = client.tokenRequest(sandbox.genesysClientId(), sandbox.genesysClientSecret(),
                "grant_type=client_credentials");
        assertEquals(200, response.status());
        JsonNode body = response.json();
        assertTrue(body.get("access_token").isTextual());
        assertEquals("bearer", body.get("token_type").asText());
        assertTrue(body.get("expires_in").isInt());
        assertEquals(1, body.get("expires_in").asInt());
        assertEquals(1, sandbox.counters().tokenRequests());
    }

    @Test
    void defaultClientAndGeneratedSecret() {
        assertEquals("sandbox-client", sandbox.genesysClientId());
        assertTrue(sandbox.genesysClientSecret().matches("sbx-[A-Za-z0-9_-]{32}"), sandbox.genesysClientSecret());
        assertNotEquals(sandbox.genesysClientSecret(), SandboxConfig.defaults().genesysClientSecret());
    }

    @Test
    void wrongSecretIsInvalidClient() throws Exception {
        TestClient.Response response = client.tokenRequest(sandbox.genesysClientId(), "nope", "grant_type=client_credentials");
        assertEquals(401, response.status());
        assertEquals("invalid_client", response.json().get("error").asText());
        assertTrue(response.json().get("description").isTextual());
    }

    @Test
    void missingAuthorizationIsInvalidClient() throws Exception {
        TestClient.Response response = client.tokenRequest(null, null, "grant_type=client_credentials");
        assertEquals(401, response.status());
        assertEquals("invalid_client", response.json().get("error").asText());
    }

    @Test
    void missingOrWrongGrantIsBadRequest() throws Exception {
        TestClient.Response missing = client.tokenRequest(sandbox.genesysClientId(), sandbox.genesysClientSecret(), "");
        assertEquals(400, missing.status());
        assertEquals("invalid_request", missing.json().get("error").asText());
        TestClient.Response wrong = client.tokenRequest(sandbox.genesysClientId(), sandbox.genesysClientSecret(),
                "grant_type=password");
        assertEquals(400, wrong.status());
        assertEquals("unsupported_grant_type", wrong.json().get("error").asText());
        assertEquals(2, sandbox.counters().tokenRequests());
    }

    @Test
    void tokensExpire() throws Exception {
        String token = client.login();
        assertEquals(200, client.get("/api/v2/infrastructureascode/accelerators").status());
        long deadline = System.currentTimeMillis() + 5_000;
        TestClient.Response response;
        do {
            Thread.sleep(100);
            response = client.getWithToken("/api/v2/infrastructureascode/accelerators", token);
        } while (response.status() == 200 && System.currentTimeMillis() < deadline);
        assertEquals(401, response.status());
        assertEquals("bad.credentials", response.json().get("code").asText());
    }

    @Test
    void apiRejectsMissingAndUnknownTokensWithErrorBody() throws Exception {
        for (String token : new String[] {null, "not-a-token"}) {
            TestClient.Response response = client.getWithToken("/api/v2/infrastructureascode/jobs/x", token);
            assertEquals(401, response.status());
            JsonNode body = response.json();
            assertEquals("bad.credentials", body.get("code").asText());
            assertEquals(401, body.get("status").asInt());
            assertTrue(body.get("message").isTextual());
            assertNotNull(response.header("ININ-Correlation-Id"));
        }
    }

    @Test
    void revokedTokensAreRejected() throws Exception {
        client.login();
        sandbox.genesys().revokeAllTokens();
        assertEquals(401, client.get("/api/v2/infrastructureascode/accelerators").status());
    }
}
