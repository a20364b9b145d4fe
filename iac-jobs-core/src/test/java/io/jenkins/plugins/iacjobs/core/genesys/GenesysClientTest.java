package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorInput;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorList;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorParameter;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorSpecification;
import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.genesys.model.MetadataProperty;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.sandbox.genesys.HistoryShape;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every endpoint of the Genesys IaC API, against the sandbox, with the digest's quirks. */
class GenesysClientTest {
    private static SandboxFixture f;
    private static GenesysClient client;

    @BeforeAll
    static void start() {
        f = SandboxFixture.fast();
        client = f.client();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void listsAcceleratorsPageByPage() {
        AcceleratorList page = client.listAccelerators(new AcceleratorQuery(2, 1, null, "asc", null, null, null, null, null, null));
        assertEquals(2, page.entities().size());
        assertTrue(page.pageCount() >= 3);
        assertEquals(page.total().intValue(), client.listAllAccelerators(new AcceleratorQuery(2, 1, null, "asc", null, null, null, null, null, null)).size());
    }

    @Test
    void filtersAreSentLowercaseAndResponsesAreCapitalised() {
        List<String> types = client.listAllAccelerators(AcceleratorQuery.all().withType("Module")).stream().map(a -> a.type()).distinct().toList();
        assertEquals(List.of("Module"), types);
    }

    @Test
    void anAcceleratorSpecificationKeepsTheWireQuirks() {
        AcceleratorSpecification spec = client.getAccelerator(AcceleratorCatalogue.SIMPLE_IVR_ID);
        AcceleratorInputs inputs = AcceleratorInputs.of(spec);
        assertTrue(inputs.required().contains("queue_name"));
        MetadataProperty secret = inputs.properties().get("flow_api_secret");
        assertEquals("true", secret.sensitive(), "sensitive is a string on the wire");
        assertTrue(secret.markedSensitive());
        assertEquals(List.of("en-US", "es-US", "fr-CA"), inputs.properties().get("greeting_language").allowedValues());
        assertEquals("Home", inputs.properties().get("division").defaultValue());
        assertNotNull(spec.results());
    }

    @Test
    void anUnknownAcceleratorIs404WithTheRemoteMessageAndCorrelationId() {
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> client.getAccelerator("00000000-0000-0000-0000-000000000000"));
        assertEquals(404, e.status());
        assertNotNull(e.correlationId());
        assertTrue(e.getMessage().contains("not.found") && e.getMessage().contains("correlation id " + e.correlationId()), e.getMessage());
    }

    @Test
    void submitsAndReadsAJobWithAndWithoutDetails() throws Exception {
        InfrastructureascodeJob job = client.submitJob(new AcceleratorInput(AcceleratorCatalogue.SIMPLE_IVR_ID, true,
                List.of(new AcceleratorParameter("queue_name", "Support"))));
        assertEquals("Created", job.status());
        assertTrue(job.planOnly());
        for (int i = 0; i < 200 && !"Complete".equals(client.getJob(job.id(), false).status()); i++) {
            Thread.sleep(20);
        }
        InfrastructureascodeJob plain = client.getJob(job.id(), false);
        assertEquals("Complete", plain.status());
        assertNull(plain.results());
        InfrastructureascodeJob detailed = client.getJob(job.id(), true);
        assertTrue(detailed.results().contains("genesyscloud_routing_queue"), "results is an opaque string");
        assertNotNull(detailed.submittedBy().id());
    }

    @Test
    void aBadSubmissionIs400NamingTheParameter() {
        RemoteApiException e = assertThrows(RemoteApiException.class, () -> client.submitJob(
                new AcceleratorInput(AcceleratorCatalogue.SIMPLE_IVR_ID, true, List.of())));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("queue_name"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(HistoryShape.class)
    void readsTheHistoryInEveryShapeServersUse(HistoryShape shape) {
        try (SandboxFixture g = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05).withHistoryShape(shape))) {
            GenesysClient c = g.client();
            for (int i = 0; i < 3; i++) {
                c.submitJob(new AcceleratorInput(AcceleratorCatalogue.SIMPLE_IVR_ID, true, List.of(new AcceleratorParameter("queue_name", "Q" + i))));
            }
            JobHistory h = c.jobHistory(JobHistoryQuery.forAccelerator(AcceleratorCatalogue.SIMPLE_IVR_ID, 10));
            assertEquals(shape != HistoryShape.SINGLE, h.listing());
            assertEquals(shape == HistoryShape.SINGLE ? 1 : 3, h.jobs().size());
            assertFalse(h.jobs().get(0).id().isBlank());
            assertTrue(c.jobHistory(JobHistoryQuery.forAccelerator(AcceleratorCatalogue.QUEUE_SETUP_ID, 10)).jobs().isEmpty());
        }
    }
}
