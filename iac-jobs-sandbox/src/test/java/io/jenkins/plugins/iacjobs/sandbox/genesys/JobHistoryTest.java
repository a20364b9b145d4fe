package io.jenkins.plugins.iacjobs.sandbox.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobHistoryTest {

    private static final String JOBS = "/api/v2/infrastructureascode/jobs";
    private static final String Q = "[{\"name\":\"queue_name\",\"value\":\"Q\"}]";

    /** Submits IVR, Broken Trunk, IVR (in that order) and waits for all to end. */
    private static List<String> threeJobs(TestClient client) throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, true, Q).get("id").asText());
        Thread.sleep(5);
        ids.add(client.submit(AcceleratorCatalogue.BROKEN_TRUNK_ID, false, "[]").get("id").asText());
        Thread.sleep(5);
        ids.add(client.submit(AcceleratorCatalogue.SIMPLE_IVR_ID, false, Q).get("id").asText());
        for (String id : ids) {
            client.awaitTerminal(id);
        }
        return ids;
    }

    @Test
    void entitiesShapeIsTheDefault() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.01))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            List<String> ids = threeJobs(client);

            JsonNode latest = client.get(JOBS).json();
            assertEquals(1, latest.get("entities").size(), "maxResults defaults to 1");
            assertEquals(ids.get(2), latest.get("entities").get(0).get("id").asText(), "newest first by default");
            assertEquals(1, latest.get("pageSize").asInt());
            assertEquals(3, latest.get("total").asInt());

            JsonNode all = client.get(JOBS + "?maxResults=10&sortBy=dateSubmitted&sortOrder=asc").json();
            assertEquals(ids, idsOf(all.get("entities")));
            assertNull(all.get("entities").get(1).get("errorInfo"));
            assertNull(all.get("entities").get(1).get("results"), "history never carries results");

            JsonNode withErrors = client.get(JOBS + "?maxResults=10&includeErrors=true&status=Failed").json();
            assertEquals(List.of(ids.get(1)), idsOf(withErrors.get("entities")));
            assertEquals(AcceleratorCatalogue.BROKEN_TRUNK_ERROR,
                    withErrors.get("entities").get(0).get("errorInfo").get("message").asText());

            JsonNode byAccelerator = client.get(JOBS + "?maxResults=10&sortOrder=asc&acceleratorId="
                    + AcceleratorCatalogue.SIMPLE_IVR_ID).json();
            assertEquals(List.of(ids.get(0), ids.get(2)), idsOf(byAccelerator.get("entities")));

            assertEquals(3, client.get(JOBS + "?maxResults=10&submittedBy=" + sandbox.genesys().submitterId())
                    .json().get("total").asInt());
            assertEquals(0, client.get(JOBS + "?maxResults=10&submittedBy=someone-else").json().get("total").asInt());
            assertEquals(400, client.get(JOBS + "?status=Done").status());
            assertEquals(400, client.get(JOBS + "?sortBy=colour").status());
            assertEquals(400, client.get(JOBS + "?maxResults=0").status());
            assertEquals(9, sandbox.counters().historyRequests());
        }
    }

    @Test
    void arrayShape() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.01).withHistoryShape(HistoryShape.ARRAY))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            assertTrue(client.get(JOBS).json().isArray());
            assertEquals(0, client.get(JOBS).json().size());
            List<String> ids = threeJobs(client);
            JsonNode body = client.get(JOBS + "?maxResults=2").json();
            assertTrue(body.isArray());
            assertEquals(List.of(ids.get(2), ids.get(1)), idsOf(body));
        }
    }

    @Test
    void singleShape() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.01).withHistoryShape(HistoryShape.SINGLE))) {
            TestClient client = new TestClient(sandbox);
            client.login();
            JsonNode empty = client.get(JOBS).json();
            assertTrue(empty.isObject());
            assertEquals(0, empty.size());
            List<String> ids = threeJobs(client);
            JsonNode body = client.get(JOBS + "?maxResults=5&includeErrors=true&acceleratorId="
                    + AcceleratorCatalogue.BROKEN_TRUNK_ID).json();
            assertEquals(ids.get(1), body.get("id").asText());
            assertEquals("Failed", body.get("status").asText());
            assertEquals("bad.request", body.get("errorInfo").get("code").asText());
        }
    }

    private static List<String> idsOf(JsonNode jobs) {
        List<String> ids = new ArrayList<>();
        jobs.forEach(j -> ids.add(j.get("id").asText()));
        return ids;
    }
}
