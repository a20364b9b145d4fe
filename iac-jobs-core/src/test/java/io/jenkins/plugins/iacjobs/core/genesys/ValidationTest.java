package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorSpecification;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accelerator lookup and parameter checks happen before anything is submitted, with errors a person can act on. */
class ValidationTest {
    private static SandboxFixture f;
    private static AcceleratorResolver resolver;
    private static AcceleratorInputs simpleIvr;

    @BeforeAll
    static void start() {
        f = SandboxFixture.fast();
        resolver = new AcceleratorResolver(f.client());
        simpleIvr = AcceleratorInputs.of(resolver.resolve("Simple IVR"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void resolvesByIdAndByExactName() {
        assertEquals("Simple IVR", resolver.resolve(AcceleratorCatalogue.SIMPLE_IVR_ID).name());
        AcceleratorSpecification byName = resolver.resolve("Queue Setup");
        assertEquals(AcceleratorCatalogue.QUEUE_SETUP_ID, byName.id());
    }

    @Test
    void anAmbiguousNameListsTheCandidatesWithIds() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolver.resolve("Data Actions"));
        assertTrue(e.getMessage().contains(AcceleratorCatalogue.DATA_ACTIONS_COMMUNITY_ID)
                && e.getMessage().contains(AcceleratorCatalogue.DATA_ACTIONS_GENESYS_ID) && e.getMessage().contains("Give the id"), e.getMessage());
    }

    @Test
    void anUnknownNameSuggestsTheClosest() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolver.resolve("Simple IRV"));
        assertEquals("accelerator", e.field());
        assertTrue(e.getMessage().contains("did you mean 'Simple IVR'"), e.getMessage());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("queue_nam", "Support");
        p.put("greeting_language", "de-DE");
        ValidationException e = assertThrows(ValidationException.class, () -> ParameterValidator.validate("Simple IVR", simpleIvr, p));
        String m = e.getMessage();
        assertEquals("params", e.field());
        assertTrue(m.contains("unknown parameter 'queue_nam' (did you mean 'queue_name'?)"), m);
        assertTrue(m.contains("'de-DE' is not one of [en-US, es-US, fr-CA]"), m);
        assertTrue(m.contains("missing required parameter 'queue_name'"), m);
        assertTrue(m.contains("takes: queue_name, division, greeting_language, flow_api_secret"), m);
    }

    @Test
    void defaultsSatisfyRequiredAndValidParamsPass() {
        assertEquals(2, ParameterValidator.validate("Simple IVR", simpleIvr, Map.of("queue_name", "Support", "greeting_language", "fr-CA")).size());
    }

    @Test
    void sensitiveValuesAreMaskedAndNeverInMessages() {
        assertEquals(Map.of("flow_api_secret", Masking.MASK, "queue_name", "Q"),
                Masking.mask(Map.of("flow_api_secret", "hunter2-secret", "queue_name", "Q"), simpleIvr.sensitiveNames()));
        assertEquals("token ******** end", Masking.scrub("token hunter2-secret end", List.of("hunter2-secret")));
        ValidationException e = assertThrows(ValidationException.class,
                () -> ParameterValidator.validate("Simple IVR", simpleIvr, Map.of("flow_api_secret", "hunter2-secret")));
        assertFalse(e.getMessage().contains("hunter2-secret"));
    }
}
