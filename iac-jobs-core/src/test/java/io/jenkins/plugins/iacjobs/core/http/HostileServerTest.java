package io.jenkins.plugins.iacjobs.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that misbehaves on purpose: trickles, redirects, asks to wait forever, sends huge bodies, churns tokens. */
class HostileServerTest {
    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private RestClient rest(OkHttpClient http) {
        return RestClient.create(http, Json.newMapper(), TokenSource.fixed("tok"), "Test API", RemoteErrorDecoder.excerpt())
                .withSleeper(waits::add).withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMinutes(2)));
    }

    @Test
    void aServerThatTricklesBytesHitsTheCallTimeout() {
        OkHttpClient http = HttpClients.create(HttpSettings.defaults().withCallTimeout(Duration.ofSeconds(2)));
        for (int i = 0; i < 2; i++) { // one byte a second never trips the read timeout; the whole call is limited
            server.enqueue(new MockResponse().setBody("{\"padding\":\"" + "x".repeat(100) + "\"}").throttleBody(1, 1, TimeUnit.SECONDS));
        }
        UnreachableException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(UnreachableException.class, () -> rest(http).sendTree(ApiRequest.get("get thing", server.url("/t")), "a thing")));
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
    }

    @Test
    void aRedirectIsNotFollowedAndNamesItsTarget() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", elsewhere.url("/steal").toString()));
            RequestBody body = RequestBody.create("{\"secret\":\"value\"}", ApiRequest.JSON);
            RemoteApiException e = assertThrows(RemoteApiException.class, () -> rest(HttpClients.create(HttpSettings.defaults()))
                    .sendTree(ApiRequest.create("submit a job", server.url("/jobs"), body), "a job"));
            assertTrue(e.getMessage().contains("redirects to " + elsewhere.url("/steal")), e.getMessage());
            assertEquals(0, elsewhere.getRequestCount(), "nothing went to the redirect's target");
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void anEndlessRetryAfterIsCappedAndADeadlineEndsTheWaitAtOnce() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "999999"));
        server.enqueue(new MockResponse().setBody("{}"));
        rest(HttpClients.create(HttpSettings.defaults())).sendTree(ApiRequest.get("get thing", server.url("/t")), "a thing");
        assertEquals(List.of(Duration.ofMinutes(2)), waits, "capped at the policy's maximum");

        waits.clear();
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "999999"));
        RestClient bounded = rest(HttpClients.create(HttpSettings.defaults())).withDeadline(Instant.now().plusSeconds(30));
        RequestBody body = RequestBody.create("{}", ApiRequest.JSON);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> bounded.sendTree(ApiRequest.create("submit a job", server.url("/jobs"), body), "a job"));
        assertTrue(e.getMessage().contains("Retry-After") && e.getMessage().contains("nothing was created"), e.getMessage());
        assertEquals(List.of(), waits, "no wait past the deadline");
    }

    @Test
    void aHugeBodyIsRefusedWithoutReadingItIntoMemory() {
        Buffer huge = new Buffer().writeUtf8("[");
        String row = "\"" + "x".repeat(1022) + "\",";
        for (int i = 0; i < 40 * 1024; i++) {
            huge.writeUtf8(row);
        }
        huge.writeUtf8("0]");
        server.enqueue(new MockResponse().setBody(huge));
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> rest(HttpClients.create(HttpSettings.defaults())).sendTree(ApiRequest.get("get thing", server.url("/t")), "a thing"));
        assertTrue(e.getMessage().contains("of at most 32 MB") && e.getMessage().contains("not read"), e.getMessage());
        assertEquals(IacJobsException.Kind.MALFORMED_RESPONSE, e.kind());
    }

    @Test
    void eachNewTokenGetsOneRetryOn401UpToABound() {
        AtomicInteger issued = new AtomicInteger();
        TokenSource churning = new TokenSource() {
            private volatile String current = "t0";

            @Override
            public String accessToken() {
                return current;
            }

            @Override
            public void invalidate(String token) {
                current = "t" + issued.incrementAndGet();
            }
        };
        RestClient r = RestClient.create(HttpClients.create(HttpSettings.defaults()), Json.newMapper(), churning, "Test API",
                RemoteErrorDecoder.excerpt());
        for (int i = 0; i < RestClient.MAX_TOKEN_REFRESHES; i++) {
            server.enqueue(new MockResponse().setResponseCode(401));
        }
        server.enqueue(new MockResponse().setBody("{}"));
        r.sendTree(ApiRequest.get("get thing", server.url("/t")), "a thing");
        assertEquals(RestClient.MAX_TOKEN_REFRESHES, issued.get());

        for (int i = 0; i <= RestClient.MAX_TOKEN_REFRESHES; i++) {
            server.enqueue(new MockResponse().setResponseCode(401));
        }
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> r.sendTree(ApiRequest.get("get thing", server.url("/t")), "a thing"));
        assertEquals(401, e.status());
    }
}
