package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Terrakube stand-in answers as API-DIGEST §2.9 observed, independently of core's client. */
class TerrakubeWireShapeTest {
    private static final String JSON_API = "application/vnd.api+json";
    private final HttpClient http = HttpClient.newHttpClient();
    private Sandbox sandbox;
    private String org;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(100)); // jobs stay in their first phases
        org = sandbox.baseUrl() + "/api/v1/organization/" + sandbox.terrakube().organizationId();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> send(String method, String url, String contentType, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String create() throws Exception {
        String ws = sandbox.terrakube().workspaces().get(0).id();
        JsonNode templates = Json.MAPPER.readTree(send("GET", org + "/template", null, null, sandbox.terrakube().token()).body());
        String plan = templates.path("data").get(0).path("id").asText();
        return "{\"data\":{\"type\":\"job\",\"attributes\":{\"templateReference\":\"" + plan + "\",\"via\":\"CLI\"},"
                + "\"relationships\":{\"workspace\":{\"data\":{\"type\":\"workspace\",\"id\":\"" + ws + "\"}}}}}";
    }

    @Test
    void createAnswers201WithAStringIdNoStepsYetAndMinuteDates() throws Exception {
        HttpResponse<String> r = send("POST", org + "/job", JSON_API, create(), sandbox.terrakube().token());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(JSON_API, r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode data = Json.MAPPER.readTree(r.body()).path("data");
        assertEquals("1", data.path("id").asText());
        assertTrue(data.path("id").isTextual());
        assertEquals(0, data.path("relationships").path("step").path("data").size());
        assertTrue(data.path("attributes").path("tcl").isNull());
        assertTrue(data.path("attributes").path("createdDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ"));
    }

    @Test
    void mediaTypeParametersAreRefusedWith415() throws Exception {
        HttpResponse<String> r = send("POST", org + "/job", JSON_API + "; charset=utf-8", create(), sandbox.terrakube().token());
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"errors\":[{\"detail\":"), r.body());
    }

    @Test
    void tokensAreCheckedAsAReal2_27ServerDoes() throws Exception {
        assertEquals(401, send("GET", org + "/workspace", null, null, null).statusCode());
        HttpResponse<String> forged = send("GET", org + "/workspace", null, null, "not-a-terrakube-token");
        assertEquals(500, forged.statusCode());
        assertTrue(forged.body().contains("\"error\":\"Internal Server Error\""), forged.body());
        String noTeam = sandbox.terrakube().issueToken(TokenAccess.NO_TEAM);
        assertEquals("{\"data\":[]}", send("GET", org + "/workspace", null, null, noTeam).body());
        String viewer = sandbox.terrakube().issueToken(TokenAccess.VIEW);
        HttpResponse<String> denied = send("POST", org + "/job", JSON_API, create(), viewer);
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("CreatePermission Denied"));
    }

    @Test
    void deletingNeedsNoBodyAndNoSteps() throws Exception {
        String token = sandbox.terrakube().token();
        send("POST", org + "/job", JSON_API, create(), token);
        send("PATCH", org + "/job/1", JSON_API, "{\"data\":{\"type\":\"job\",\"id\":\"1\",\"attributes\":{\"status\":\"cancelled\"}}}", token);
        assertEquals(400, send("DELETE", org + "/job/1", JSON_API, null, token).statusCode());
        assertEquals(204, send("DELETE", org + "/job/1", null, null, token).statusCode(), "no steps yet: they appear later");
        HttpResponse<String> gone = send("GET", org + "/job/1", null, null, token);
        assertEquals(404, gone.statusCode());
        assertTrue(gone.body().contains("Unknown identifier [1] for job"), gone.body());
        assertEquals(400, send("GET", org + "/job?page[size]=5", null, null, token).statusCode());
    }
}
