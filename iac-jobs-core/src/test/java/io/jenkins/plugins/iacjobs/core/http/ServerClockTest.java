package io.jenkins.plugins.iacjobs.core.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class ServerClockTest {
    @Test
    void learnsTheRemoteClockFromTheDateHeaderEvenOfAnError() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            String anHourAhead = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC));
            server.enqueue(new MockResponse().setResponseCode(404).setHeader("Date", anHourAhead));
            RestClient rest = RestClient.create(HttpClients.create(HttpSettings.defaults()), Json.newMapper(), TokenSource.fixed("t"), "Test",
                    RemoteErrorDecoder.excerpt());
            assertTrue(rest.serverClock().toRemote(Instant.now()).isEmpty(), "nothing known before an answer");
            try {
                rest.sendTree(ApiRequest.get("get", server.url("/")), "x");
            } catch (RemoteApiException expected) {
                // the 404 still tells the time
            }
            Duration skew = Duration.between(Instant.now(), rest.serverClock().toRemote(Instant.now()).orElseThrow());
            assertTrue(skew.compareTo(Duration.ofMinutes(59)) > 0 && skew.compareTo(Duration.ofMinutes(61)) < 0, skew.toString());
            assertTrue(rest.withRetryPolicy(RetryPolicy.none()).serverClock() == rest.serverClock(), "copies share what was learnt");
        }
    }
}
