package io.jenkins.plugins.iacjobs.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.report.JobReportWriter;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeClient;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids from users or remotes never walk a URL path or the file system: they are checked where they enter. */
class HostileIdsTest {
    private static final OkHttpClient HTTP = HttpClients.create(HttpSettings.defaults());

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "../jobs", "%2e%2e", "1234\r\nX-Injected: 1", ""})
    void aGenesysJobIdThatIsNotAUuidIsRefusedBeforeAnyRequest(String id) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            GenesysClient client = GenesysClient.create(HTTP, Json.newMapper(), TokenSource.fixed("t"),
                    GenesysEndpoints.forBaseUrl(server.url("/").toString()));
            ValidationException e = assertThrows(ValidationException.class, () -> client.getJob(id, false));
            assertEquals("job id", e.field());
            assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\r"), e.getMessage());
            assertEquals(0, server.getRequestCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "1/../2", "-1", "abc"})
    void aTerrakubeJobIdThatIsNotAnIntegerIsRefusedBeforeAnyRequest(String id) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            TerrakubeClient client = TerrakubeClient.create(HTTP, Json.newMapper(), TokenSource.fixed("t"),
                    TerrakubeServer.of(server.url("/").toString(), "org"));
            assertThrows(ValidationException.class, () -> client.getJob("d9e8dd9c-1d06-37af-898b-a35f2666adc8", id));
            assertThrows(ValidationException.class, () -> client.getJob("..", "1"));
            assertEquals(0, server.getRequestCount());
        }
    }

    @Test
    void aSubmittedJobWhoseIdIsNotAUuidIsAMalformedAnswer() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            String accelerator = "3f1c2a4e-8b7d-4c1e-9a6f-5d2e01a7b101";
            server.enqueue(new MockResponse().setBody("{\"id\":\"" + accelerator + "\",\"name\":\"A\",\"presentation\":[]}"));
            server.enqueue(new MockResponse().setBody("{\"id\":\"..\",\"status\":\"Created\"}"));
            server.start();
            GenesysJobs jobs = GenesysJobs.create(GenesysClient.create(HTTP, Json.newMapper(), TokenSource.fixed("t"),
                    GenesysEndpoints.forBaseUrl(server.url("/").toString())), "k", Clock.systemUTC());
            MalformedResponseException e = assertThrows(MalformedResponseException.class,
                    () -> jobs.submit(new GenesysJobRequest(accelerator, Map.of(), true), l -> { }));
            assertTrue(e.getMessage().contains("a job whose id is a UUID"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", ".work", "a/b", "..\\x", "x\ny"})
    void noFolderIsNamedAfterAnIdThatIsNotAPlainName(String id, @TempDir Path out) throws Exception {
        JobReport report = new JobReport("Genesys Cloud", "c", id, "A", "a", true, Map.of(), "Complete", true, null,
                Instant.now(), Instant.now(), null);
        assertThrows(ValidationException.class, () -> JobReportWriter.write(out.resolve("out"), report, null, null));
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing is written anywhere");
        }
    }
}
