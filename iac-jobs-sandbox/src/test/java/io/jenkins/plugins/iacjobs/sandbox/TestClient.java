package io.jenkins.plugins.iacjobs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** A plain JDK HTTP client for tests: real requests over loopback, JSON parsed into trees. */
public final class TestClient {

    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Sandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    public TestClient(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public Response tokenRequest(String clientId, String secret, String form) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (clientId != null) {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + basic);
        }
        return send(builder.build());
    }

    /** Fetches and remembers a token for the sandbox's client. */
    public String login() throws IOException, InterruptedException {
        Response response = tokenRequest(sandbox.genesysClientId(), sandbox.genesysClientSecret(), "grant_type=client_credentials");
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        token = response.json().get("access_token").asText();
        return token;
    }

    public String token() {
        return token;
    }

    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        return send(authorized(pathAndQuery).GET().build());
    }

    public Response getWithToken(String pathAndQuery, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery)).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder.build());
    }

    public Response post(String path, String json) throws IOException, InterruptedException {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POSTs a job; returns the created job JSON. */
    public JsonNode submit(String acceleratorId, boolean dryRun, String parametersJson) throws IOException, InterruptedException {
        Response response = post("/api/v2/infrastructureascode/jobs", "{\"acceleratorId\":\"" + acceleratorId
                + "\",\"dryRun\":" + dryRun + ",\"parameters\":" + parametersJson + "}");
        if (response.status() != 200) {
            throw new IllegalStateException("submit failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** Polls {@code GET /jobs/{id}?details=true} until the predicate holds or the generous bound passes. */
    public JsonNode awaitJob(String jobId, Predicate<JsonNode> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Response response = get("/api/v2/infrastructureascode/jobs/" + jobId + "?details=true");
            if (response.status() == 200) {
                last = response.json();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " did not get there in time; last seen " + last);
    }

    public JsonNode awaitTerminal(String jobId) throws IOException, InterruptedException {
        return awaitJob(jobId, job -> switch (job.get("status").asText()) {
            case "Complete", "Failed", "Incomplete" -> true;
            default -> false;
        });
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!response.body().isEmpty()) {
            try {
                json = MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }
        return new Response(response.statusCode(), response, json);
    }
}
