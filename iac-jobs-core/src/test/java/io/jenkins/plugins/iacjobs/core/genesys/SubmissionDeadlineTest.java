package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** A job's timeout covers its submission: a remote that asks to wait past it ends the submission, saying nothing was sent. */
class SubmissionDeadlineTest {

    @Test
    void aRetryAfterBeyondTheTimeoutEndsTheSubmissionAtOnce() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            String id = "3f1c2a4e-8b7d-4c1e-9a6f-5d2e01a7b101";
            server.enqueue(new MockResponse().setBody("{\"id\":\"" + id + "\",\"name\":\"A\",\"presentation\":[]}"));
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "999999"));
            server.start();
            GenesysJobs jobs = GenesysJobs.create(GenesysClient.create(HttpClients.create(HttpSettings.defaults()), Json.newMapper(),
                    TokenSource.fixed("t"), GenesysEndpoints.forBaseUrl(server.url("/").toString())), "k", Clock.systemUTC());
            GenesysJobRequest request = new GenesysJobRequest(id, Map.of(), true).withDeadline(Instant.now().plus(Duration.ofSeconds(30)));
            WaitTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(WaitTimeoutException.class, () -> jobs.submit(request, l -> { })));
            assertTrue(e.getMessage().contains("Retry-After") && e.getMessage().contains("nothing was created"), e.getMessage());
            assertEquals(2, server.getRequestCount(), "the submission was not sent again");
        }
    }
}
