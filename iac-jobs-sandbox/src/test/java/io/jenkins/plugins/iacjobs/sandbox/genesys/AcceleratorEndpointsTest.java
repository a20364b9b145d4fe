package io.jenkins.plugins.iacjobs.sandbox.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.TestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AcceleratorEndpointsTest {

    private static final String PATH = "/api/v2/infrastructureascode/accelerators";

    private static Sandbox sandbox;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        client = new TestClient(sandbox);
        client.login();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listHasTheAcceleratorListEnvelope() throws Exception {
        TestClient.Response response = client.get(PATH);
        assertEquals(200, response.status());
        assertNotNull(response.header("ININ-Correlation-Id"));
        JsonNode body = response.json();
        assertTrue(body.get("entities").isArray());
        assertEquals(6, body.get("entities").size());
        assertEquals(25, body.get("pageSize").asInt());
        assertEquals(1, body.get("pageNumber").asInt());
        assertEquals(6, body.get("total").asLong());
        assertEquals(1, body.get("pageCount").asInt());
        for (String uri : new String[] {"firstUri", "lastUri", "selfUri"}) {
            assertTrue(body.get(uri).asText().startsWith(PATH + "?"), uri);
        }
        assertNull(body.get("nextUri"));
        assertNull(body.get("previousUri"));
        JsonNode first = body.get("entities").get(0);
        assertEquals(List.of("id", "name", "description", "origin", "type", "classification", "tags", "selfUri"), fieldNames(first));
        assertEquals("Simple IVR", first.get("name").asText());
        assertEquals("Genesys", first.get("origin").asText());
        assertEquals("Accelerator", first.get("type").asText());
        assertTrue(first.get("tags").isArray());
        assertEquals(PATH + "/" + AcceleratorCatalogue.SIMPLE_IVR_ID, first.get("selfUri").asText());
    }

    @Test
    void pagesThroughTheCatalogue() throws Exception {
        List<String> seen = new ArrayList<>();
        String next = PATH + "?pageSize=4&pageNumber=1";
        int pages = 0;
        while (next != null) {
            JsonNode body = client.get(next).json();
            assertEquals(2, body.get("pageCount").asInt());
            body.get("entities").forEach(e -> seen.add(e.get("id").asText()));
            next = body.hasNonNull("nextUri") ? body.get("nextUri").asText() : null;
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(6, seen.size());
        assertEquals(6, seen.stream().distinct().count());

        JsonNode second = client.get(PATH + "?pageSize=4&pageNumber=2").json();
        assertEquals(2, second.get("entities").size());
        assertEquals(PATH + "?pageSize=4&pageNumber=1", second.get("previousUri").asText());
        assertEquals(PATH + "?pageSize=4&pageNumber=2", second.get("lastUri").asText());

        JsonNode beyond = client.get(PATH + "?pageSize=4&pageNumber=9").json();
        assertEquals(0, beyond.get("entities").size());
        assertEquals(6, beyond.get("total").asLong());
    }

    @Test
    void filtersUseLowercaseEnumsAndCaseInsensitiveNames() throws Exception {
        JsonNode dataActions = client.get(PATH + "?name=DATA%20act").json();
        assertEquals(2, dataActions.get("total").asInt());
        assertEquals("Data Actions", dataActions.get("entities").get(0).get("name").asText());
        assertTrue(dataActions.get("firstUri").asText().contains("name=DATA+act"));

        JsonNode community = client.get(PATH + "?origin=community").json();
        assertEquals(1, community.get("total").asInt());
        assertEquals("Community", community.get("entities").get(0).get("origin").asText());

        JsonNode blueprints = client.get(PATH + "?type=blueprint").json();
        assertEquals(1, blueprints.get("total").asInt());
        assertEquals("Partial Rollout", blueprints.get("entities").get(0).get("name").asText());

        JsonNode genesysModules = client.get(PATH + "?origin=genesys&type=module").json();
        assertEquals(1, genesysModules.get("total").asInt());
        assertEquals("Queue Setup", genesysModules.get("entities").get(0).get("name").asText());

        assertEquals(2, client.get(PATH + "?tags=byoc,rollout").json().get("total").asInt());
        assertEquals(2, client.get(PATH + "?classification=integrations").json().get("total").asInt());
    }

    @Test
    void sortsByName() throws Exception {
        JsonNode desc = client.get(PATH + "?sortBy=name&sortOrder=desc").json();
        assertEquals("Simple IVR", desc.get("entities").get(0).get("name").asText());
        JsonNode asc = client.get(PATH + "?sortBy=name&sortOrder=asc").json();
        assertEquals("Broken Trunk", asc.get("entities").get(0).get("name").asText());
    }

    @Test
    void badQueriesAreBadRequests() throws Exception {
        for (String query : new String[] {"?origin=vendor", "?type=Plugin", "?pageSize=0", "?pageNumber=x",
                "?sortBy=colour", "?sortOrder=up"}) {
            TestClient.Response response = client.get(PATH + query);
            assertEquals(400, response.status(), query);
            assertEquals("bad.request", response.json().get("code").asText());
            assertEquals(400, response.json().get("status").asInt());
        }
    }

    @Test
    void specificationHasPresentationPropertiesAsArrayOfMaps() throws Exception {
        TestClient.Response response = client.get(PATH + "/" + AcceleratorCatalogue.SIMPLE_IVR_ID + "?preferredLanguage=en-US");
        assertEquals(200, response.status());
        JsonNode spec = response.json();
        assertEquals("Simple IVR", spec.get("name").asText());
        assertTrue(spec.get("permissions").isArray());
        assertTrue(spec.get("products").isArray());
        assertTrue(spec.get("documentation").get(0).get("location").isTextual());
        assertTrue(spec.get("results").get("entities").isArray());
        assertEquals("Visible", spec.get("results").get("entities").get(0).get("visibility").asText());

        Map<String, JsonNode> properties = new HashMap<>();
        List<String> required = new ArrayList<>();
        for (JsonNode section : spec.get("presentation")) {
            assertTrue(section.get("title").isTextual());
            JsonNode schema = section.get("schema");
            assertTrue(schema.get("properties").isArray(), "properties must be an array");
            for (JsonNode entry : schema.get("properties")) {
                assertTrue(entry.isObject());
                assertEquals(1, entry.size(), "each properties item is a single-key map");
                entry.fields().forEachRemaining(f -> properties.put(f.getKey(), f.getValue()));
            }
            schema.get("required").forEach(r -> required.add(r.asText()));
        }
        assertEquals(List.of("queue_name"), required);
        assertEquals(4, properties.size());
        for (JsonNode property : properties.values()) {
            assertTrue(property.get("sensitive").isTextual(), "sensitive is a string");
            assertTrue(property.get("enum").isArray());
        }
        assertEquals("true", properties.get("flow_api_secret").get("sensitive").asText());
        assertEquals("false", properties.get("queue_name").get("sensitive").asText());
        assertEquals("Home", properties.get("division").get("default").asText());
        assertEquals(List.of("en-US", "es-US", "fr-CA"), texts(properties.get("greeting_language").get("enum")));
        assertTrue(properties.get("queue_name").get("help").isTextual());
    }

    @Test
    void ambiguousNamesHaveDistinctIds() throws Exception {
        JsonNode community = client.get(PATH + "/" + AcceleratorCatalogue.DATA_ACTIONS_COMMUNITY_ID).json();
        JsonNode genesys = client.get(PATH + "/" + AcceleratorCatalogue.DATA_ACTIONS_GENESYS_ID).json();
        assertEquals(community.get("name"), genesys.get("name"));
        assertEquals("Community", community.get("origin").asText());
        assertEquals("Genesys", genesys.get("origin").asText());
    }

    @Test
    void unknownAcceleratorIsNotFoundErrorBody() throws Exception {
        TestClient.Response response = client.get(PATH + "/00000000-0000-0000-0000-000000000000");
        assertEquals(404, response.status());
        JsonNode body = response.json();
        assertEquals("not.found", body.get("code").asText());
        assertEquals(404, body.get("status").asInt());
        assertTrue(body.get("message").asText().contains("00000000-0000-0000-0000-000000000000"));
        assertTrue(body.get("contextId").isTextual());
        assertTrue(body.get("details").isArray());
        assertTrue(body.get("errors").isArray());
        assertNotNull(response.header("ININ-Correlation-Id"));
    }

    @Test
    void unknownPreferredLanguageIsBadRequest() throws Exception {
        assertEquals(400, client.get(PATH + "/" + AcceleratorCatalogue.SIMPLE_IVR_ID + "?preferredLanguage=xx").status());
    }

    @Test
    void unknownRouteAndWrongMethod() throws Exception {
        assertEquals(404, client.get("/api/v2/nothing").status());
        assertEquals(405, client.post(PATH, "{}").status());
        assertFalse(sandbox.counters().acceleratorRequests() == 0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
