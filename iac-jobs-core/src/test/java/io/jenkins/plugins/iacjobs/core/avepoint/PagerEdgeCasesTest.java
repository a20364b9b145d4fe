package io.jenkins.plugins.iacjobs.core.avepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server behaviours the sandbox does not produce: missing or hostile next links, undocumented legacy shapes. */
class PagerEdgeCasesTest {
    private final MockWebServer server = new MockWebServer();
    private final JobQuery query = new JobQuery(JobType.BACKUP, Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-02T00:00:00Z"), JobStatus.FAILED, "6ccc1234-0000-4000-8000-000000000001", null, 2);

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private AvePointClient client(ApiGeneration g) {
        AvePointEndpoints ep = AvePointEndpoints.of(server.url("/connect/token").toString(), server.url("/").toString());
        return AvePointClient.create(AvePointFixture.HTTP, Json.newMapper(), TokenSource.fixed("tok"), ep, g)
                .withRetryPolicy(AvePointFixture.FAST);
    }

    private static String job(String id) {
        return "{\"module\":\"Customer Engagement\",\"type\":1,\"jobId\":\"" + id + "\",\"status\":4,\"organizationName\":\"o\"}";
    }

    private List<String> read(ApiGeneration g) {
        List<String> ids = new ArrayList<>();
        client(g).readJobs(query, (j, raw) -> ids.add(j.jobId()));
        return ids;
    }

    @Test
    void sendsEveryDocumentedParameterAndFollowsPageIndexWhenNextLinkIsMissing() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"totalCount\":3,\"jobs\":[" + job("a") + "," + job("b") + "]}"));
        server.enqueue(new MockResponse().setBody("{\"totalCount\":3,\"jobs\":[" + job("c") + "]}"));
        assertEquals(List.of("a", "b", "c"), read(ApiGeneration.CURRENT));
        RecordedRequest first = server.takeRequest();
        assertEquals("/dynamicsbackup/jobs", first.getRequestUrl().encodedPath());
        assertEquals("1", first.getRequestUrl().queryParameter("type"));
        assertEquals("4", first.getRequestUrl().queryParameter("status"));
        assertEquals("2025-01-01T00:00:00Z", first.getRequestUrl().queryParameter("startTime"));
        assertEquals("2025-01-02T00:00:00Z", first.getRequestUrl().queryParameter("finishTime"));
        assertEquals(query.organizationId(), first.getRequestUrl().queryParameter("organizationId"));
        assertEquals("Bearer tok", first.getHeader("Authorization"));
        assertEquals("2", server.takeRequest().getRequestUrl().queryParameter("pageIndex"));
    }

    @Test
    void nextLinkToAnotherHostIsReadForItsQueryOnly() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"totalCount\":3,\"jobs\":[" + job("a") + "," + job("b")
                + "],\"nextLink\":\"https://evil.example/steal?pageIndex=2&pageSize=2\"}"));
        server.enqueue(new MockResponse().setBody("{\"totalCount\":3,\"jobs\":[" + job("c") + "],\"nextLink\":null}"));
        assertEquals(List.of("a", "b", "c"), read(ApiGeneration.CURRENT));
        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals("/dynamicsbackup/jobs", second.getRequestUrl().encodedPath());
        assertEquals("4", second.getRequestUrl().queryParameter("status"), "our filters stay");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void nextLinkBackToAnEarlierPageIsAnErrorNotALoop() {
        server.enqueue(new MockResponse().setBody("{\"totalCount\":9,\"jobs\":[" + job("a") + "," + job("b")
                + "],\"nextLink\":\"/jobs?pageIndex=1&pageSize=2\"}"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> read(ApiGeneration.CURRENT));
        assertTrue(e.getMessage().contains("points back to page 1"), e.getMessage());
    }

    @Test
    void legacyReadsAnArrayOrADataWrapperAndStopsOnAShortPage() throws Exception {
        server.enqueue(new MockResponse().setBody("[" + job("a") + "," + job("b") + "]"));
        server.enqueue(new MockResponse().setBody("{\"data\":{\"jobs\":[" + job("c") + "],\"total\":3}}"));
        assertEquals(List.of("a", "b", "c"), read(ApiGeneration.LEGACY));
        RecordedRequest first = server.takeRequest();
        assertEquals("POST", first.getMethod());
        assertEquals("/api/OpenApi/GetJobs", first.getPath());
        String body = first.getBody().readUtf8();
        assertTrue(body.contains("\"pageInfo\":{\"currentPage\":1,\"pageSize\":2}"), body);
        assertTrue(body.contains("\"endTime\":\"2025-01-02T00:00:00Z\""), body);
        assertTrue(!body.contains("finishTime"), body);
        assertTrue(server.takeRequest().getBody().readUtf8().contains("\"currentPage\":2"));
    }

    @Test
    void anUnreadableBodyNamesWhatWasExpected() {
        server.enqueue(new MockResponse().setBody("<html>login</html>"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> read(ApiGeneration.CURRENT));
        assertTrue(e.getMessage().contains("a page of jobs"), e.getMessage());
    }

    @Test
    void a400CarriesTheServersMessage() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"title\":\"type is required\",\"status\":400}"));
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> read(ApiGeneration.CURRENT));
        assertTrue(e.getMessage().contains("HTTP 400: type is required"), e.getMessage());
    }
}
