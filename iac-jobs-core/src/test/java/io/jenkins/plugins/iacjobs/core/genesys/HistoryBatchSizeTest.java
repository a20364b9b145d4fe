package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The largest history page Genesys accepts is undocumented: a refused size is halved, not retried forever. */
class HistoryBatchSizeTest {
    @Test
    void aRefusedPageSizeIsHalvedForTheNextTick() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"code\":\"bad.request\",\"message\":\"maxResults too large\"}"));
            server.enqueue(new MockResponse().setBody("{\"entities\":[]}"));
            GenesysClient client = GenesysClient.create(HttpClients.create(HttpSettings.defaults()), Json.newMapper(), TokenSource.fixed("t"),
                    GenesysEndpoints.forBaseUrl(server.url("/").toString()));
            JobProbe probe = GenesysJobs.create(client, "k", Clock.systemUTC()).probe();
            List<WatchHandle> handles = IntStream.range(0, 100)
                    .mapToObj(i -> WatchHandle.start("genesys", "c", "job-" + i, Instant.now())).toList();
            RemoteApiException e = assertThrows(RemoteApiException.class, () -> probe.pollMany(handles));
            assertEquals(400, e.status());
            assertEquals("110", server.takeRequest().getRequestUrl().queryParameter("maxResults"));
            probe.pollMany(handles);
            assertEquals("55", server.takeRequest().getRequestUrl().queryParameter("maxResults"));
        }
    }
}
