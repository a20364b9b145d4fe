package io.jenkins.plugins.iacjobs.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry and error rules every remote call follows, one edge case each, over real HTTP. */
class RestClientTest {
    private static final String SECRET_TOKEN = "tok-very-secret-0123456789";

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = HttpClients.create(HttpSettings.defaults().withReadTimeout(Duration.ofSeconds(5)));
    private final List<Duration> waits = new ArrayList<>();
    private RestClient rest;

    @BeforeEach
    void start() throws IOException {
        server.start();
        rest = RestClient.create(http, Json.newMapper(), TokenSource.fixed(SECRET_TOKEN), "Test API", RemoteErrorDecoder.excerpt())
                .withSleeper(waits::add);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private HttpUrl url() {
        return server.url("/thing");
    }

    @Test
    void waitsForRetryAfterSecondsOn429ThenSucceeds() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
        server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
        JsonNode n = rest.sendTree(ApiRequest.get("get thing", url()), "a thing");
        assertTrue(n.path("ok").asBoolean());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
        assertEquals("Bearer " + SECRET_TOKEN, server.takeRequest().getHeader("Authorization"));
    }

    @Test
    void retries429EvenForASubmissionBecauseTheRemoteRefusedIt() {
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(new MockResponse().setBody("{\"id\":\"1\"}"));
        rest.sendTree(ApiRequest.create("create", url(), RequestBody.create("{}", ApiRequest.JSON)), "a job");
        assertEquals(2, server.getRequestCount());
        assertEquals(1, waits.size(), "backed off once, without Retry-After");
    }

    @Test
    void retriesGatewayErrorsForIdempotentCalls() {
        server.enqueue(new MockResponse().setResponseCode(502));
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(504));
        server.enqueue(new MockResponse().setBody("{}"));
        rest.sendTree(ApiRequest.get("get thing", url()), "a thing");
        assertEquals(4, server.getRequestCount());
        assertEquals(3, waits.size());
    }

    @Test
    void neverResendsASubmissionAfterAGatewayError() {
        server.enqueue(new MockResponse().setResponseCode(502));
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> rest.sendTree(ApiRequest.create("create job", url(), RequestBody.create("{}", ApiRequest.JSON)), "a job"));
        assertEquals(1, server.getRequestCount());
        assertTrue(e.getMessage().contains("create job"), e.getMessage());
    }

    @Test
    void neverResendsASubmissionWhoseAnswerWasLost() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("{}"));
        assertThrows(OutcomeUnknownException.class,
                () -> rest.sendTree(ApiRequest.create("create job", url(), RequestBody.create("{}", ApiRequest.JSON)), "a job"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void retriesALostAnswerForAnIdempotentCall() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("{\"ok\":1}"));
        assertEquals(1, rest.sendTree(ApiRequest.get("get thing", url()), "a thing").path("ok").asInt());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheStatusAndCorrelationId() {
        RestClient twice = rest.withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)));
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setHeader("ININ-Correlation-Id", "corr-42").setBody("down for maintenance"));
        }
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> twice.sendTree(ApiRequest.get("get thing", url()), "a thing"));
        assertEquals(503, e.status());
        assertEquals("corr-42", e.correlationId());
        assertTrue(e.getMessage().contains("HTTP 503") && e.getMessage().contains("down for maintenance") && e.getMessage().contains("corr-42"),
                e.getMessage());
        assertTrue(e.isTransient());
    }

    @Test
    void refreshesTheTokenOnceOn401ThenRetriesOnce() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        List<String> invalidated = new ArrayList<>();
        TokenSource rotating = new TokenSource() {
            @Override
            public String accessToken() {
                return "token-" + fetched.incrementAndGet();
            }

            @Override
            public void invalidate(String token) {
                invalidated.add(token);
            }
        };
        RestClient r = RestClient.create(http, Json.newMapper(), rotating, "Test API", RemoteErrorDecoder.excerpt());
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(new MockResponse().setBody("{}"));
        r.sendTree(ApiRequest.get("get thing", url()), "a thing");
        assertEquals(List.of("token-1"), invalidated);
        assertEquals("Bearer token-1", server.takeRequest().getHeader("Authorization"));
        assertEquals("Bearer token-2", server.takeRequest().getHeader("Authorization"));
    }

    @Test
    void aSecond401IsAnAuthenticationErrorWithoutTheToken() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"message\":\"bad token\"}"));
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"message\":\"bad token\"}"));
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> rest.sendTree(ApiRequest.get("get thing", url()), "a thing"));
        assertEquals(IacJobsException.Kind.AUTHENTICATION, e.kind());
        assertEquals(2, server.getRequestCount());
        assertFalse(e.getMessage().contains(SECRET_TOKEN));
        assertTrue(e.getMessage().contains("Check the credentials"), e.getMessage());
    }

    @Test
    void aNonJsonSuccessIsAMalformedResponseQuotingWhatCame() {
        server.enqueue(new MockResponse().setBody("<html>Proxy login</html>").setHeader("ININ-Correlation-Id", "c-9"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> rest.sendTree(ApiRequest.get("get thing", url()), "a thing"));
        assertTrue(e.getMessage().contains("expected a thing") && e.getMessage().contains("HTTP 200")
                && e.getMessage().contains("<html>Proxy login</html>") && e.getMessage().contains("c-9"), e.getMessage());
    }

    @Test
    void anUnreachableHostNamesHostAndPortAndTheFix() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        RestClient r = rest.withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)));
        HttpUrl nowhere = HttpUrl.get("http://127.0.0.1:" + closedPort + "/x");
        UnreachableException e = assertThrows(UnreachableException.class, () -> r.sendTree(ApiRequest.get("get thing", nowhere), "a thing"));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort) && e.getMessage().contains("connection refused")
                && e.getMessage().contains("after 2 attempts") && e.getMessage().contains("Check the URL"), e.getMessage());
    }

    @Test
    void aSlowServerTimesOutAndSaysSo() {
        OkHttpClient impatient = HttpClients.create(HttpSettings.defaults().withReadTimeout(Duration.ofMillis(200)));
        RestClient r = RestClient.create(impatient, Json.newMapper(), TokenSource.fixed(SECRET_TOKEN), "Test API", RemoteErrorDecoder.excerpt())
                .withSleeper(waits::add).withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)));
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(1, TimeUnit.SECONDS));
        }
        UnreachableException e = assertThrows(UnreachableException.class, () -> r.sendTree(ApiRequest.get("get thing", url()), "a thing"));
        assertTrue(e.getMessage().contains("timed out") && e.getMessage().contains("after 2 attempts"), e.getMessage());
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"message\":\"no\"}"));
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> rest.sendTree(ApiRequest.get("get thing", url()), "a thing"));
        assertEquals(1, server.getRequestCount());
        assertEquals(IacJobsException.Kind.REMOTE, e.kind());
    }
}
