package io.jenkins.plugins.iacjobs.sandbox.genesys;

import io.jenkins.plugins.iacjobs.sandbox.genesys.Accelerator.Documentation;
import io.jenkins.plugins.iacjobs.sandbox.genesys.Accelerator.Outcome;
import io.jenkins.plugins.iacjobs.sandbox.genesys.Accelerator.ResultEntity;
import io.jenkins.plugins.iacjobs.sandbox.genesys.Accelerator.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fixed accelerator catalogue: a few realistic entries with fixed ids, including an ambiguous name. */
public final class AcceleratorCatalogue {

    public static final String SIMPLE_IVR_ID = "3f1c2a4e-8b7d-4c1e-9a6f-5d2e01a7b101";
    public static final String QUEUE_SETUP_ID = "7b2d9c10-4e5f-4a8b-b1c2-0e9f8d7c6b02";
    public static final String BROKEN_TRUNK_ID = "c4e8a1f2-3b6d-4f70-8a9b-2c1d0e3f4a03";
    public static final String PARTIAL_ROLLOUT_ID = "9e0f1a2b-5c6d-47e8-9f0a-1b2c3d4e5f04";
    public static final String DATA_ACTIONS_COMMUNITY_ID = "d1a7c3e5-0f2b-4d6a-8c9e-7b5a3f1d2c05";
    public static final String DATA_ACTIONS_GENESYS_ID = "e2b8d4f6-1a3c-4e7b-9d0f-8c6b4a2e3d06";

    public static final String BROKEN_TRUNK_ERROR = "trunk 'edge-1' not found in division Home";
    public static final String PARTIAL_ROLLOUT_ERROR = "site 'Durban' was not updated: edge group unavailable; 2 of 3 sites rolled out";

    private static final String DOCS = "https://developer.genesys.cloud/devapps/cx-as-code/";

    private final Map<String, Accelerator> byId = new LinkedHashMap<>();

    private AcceleratorCatalogue(List<Accelerator> accelerators) {
        accelerators.forEach(a -> byId.put(a.id(), a));
    }

    public static AcceleratorCatalogue standard() {
        return new AcceleratorCatalogue(List.of(simpleIvr(), queueSetup(), brokenTrunk(), partialRollout(),
                dataActionsCommunity(), dataActionsGenesys()));
    }

    /** In catalogue order. */
    public List<Accelerator> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Accelerator> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static Accelerator simpleIvr() {
        return new Accelerator(SIMPLE_IVR_ID, "Simple IVR",
                "A queue, a greeting and an inbound call flow that routes callers to it.",
                "Genesys", "Accelerator", "routing", List.of("ivr", "routing", "starter"),
                List.of("routing:queue:add", "architect:flow:add", "integrations:integration:add"),
                List.of("genesysCloud3"),
                List.of(new Documentation("README", DOCS + "simple-ivr")),
                List.of(new Section("Queue", "Where callers are routed", List.of(
                                ParameterSpec.required("queue_name", "Name of the queue to create")
                                        .withHelp(DOCS + "simple-ivr#queue_name"),
                                ParameterSpec.optional("division", "Division that owns the queue and flow", "Home"))),
                        new Section("IVR", "Greeting and flow settings", List.of(
                                ParameterSpec.optional("greeting_language", "Language of the greeting", "en-US")
                                        .withAllowed("en-US", "es-US", "fr-CA"),
                                ParameterSpec.optional("flow_api_secret", "Secret the flow uses to call the data action", null)
                                        .asSensitive()))),
                List.of(new ResultEntity("genesyscloud_routing_queue", "Queue", "Visible", "queue_name"),
                        new ResultEntity("genesyscloud_flow", "Inbound call flow", "Visible", null),
                        new ResultEntity("genesyscloud_integration_credential", "Flow API credential", "Hidden", null)),
                Outcome.COMPLETE);
    }

    private static Accelerator queueSetup() {
        return new Accelerator(QUEUE_SETUP_ID, "Queue Setup",
                "Creates a routing queue with its routing method and skills.",
                "Genesys", "Module", "routing", List.of("routing", "queue"),
                List.of("routing:queue:add", "routing:skill:add"), List.of("genesysCloud1"),
                List.of(new Documentation("README", DOCS + "queue-setup")),
                List.of(new Section("Queue", "Queue settings", List.of(
                        ParameterSpec.required("queue_name", "Name of the queue"),
                        ParameterSpec.required("routing_method", "How interactions are offered to agents")
                                .withAllowed("Standard", "Bullseye"),
                        ParameterSpec.optional("skill_names", "Comma-separated skills to create and require", null)))),
                List.of(new ResultEntity("genesyscloud_routing_queue", "Queue", "Visible", "queue_name"),
                        new ResultEntity("genesyscloud_routing_skill", "Skills", "Visible", "skill_names")),
                Outcome.COMPLETE);
    }

    private static Accelerator brokenTrunk() {
        return new Accelerator(BROKEN_TRUNK_ID, "Broken Trunk",
                "Attaches a BYOC trunk to an edge group. Its jobs always fail in the sandbox.",
                "Partner", "Module", "telephony", List.of("telephony", "byoc"),
                List.of("telephony:plugin:all"), List.of("genesysCloud2"),
                List.of(new Documentation("Partner guide", "https://partner.example.com/broken-trunk")),
                List.of(new Section("Trunk", "Trunk to attach", List.of(
                        ParameterSpec.optional("trunk_name", "Trunk name", "edge-1"),
                        ParameterSpec.optional("division", "Division", "Home")))),
                List.of(new ResultEntity("genesyscloud_telephony_providers_edges_trunk", "Trunk", "Visible", "trunk_name")),
                new Outcome(JobStatus.FAILED, "bad.request", BROKEN_TRUNK_ERROR));
    }

    private static Accelerator partialRollout() {
        return new Accelerator(PARTIAL_ROLLOUT_ID, "Partial Rollout",
                "Rolls a site configuration out to several sites. Its jobs end Incomplete in the sandbox.",
                "Genesys", "Blueprint", "telephony", List.of("sites", "rollout"),
                List.of("telephony:site:edit"), List.of("genesysCloud2"),
                List.of(new Documentation("Blueprint", DOCS + "partial-rollout")),
                List.of(new Section("Rollout", "Sites to update", List.of(
                        ParameterSpec.required("rollout_name", "A label for this rollout"),
                        ParameterSpec.optional("sites", "Comma-separated site names", "Dublin,Denver,Durban")))),
                List.of(new ResultEntity("genesyscloud_telephony_providers_edges_site", "Site Dublin", "Visible", null),
                        new ResultEntity("genesyscloud_telephony_providers_edges_site", "Site Denver", "Visible", null),
                        new ResultEntity("genesyscloud_telephony_providers_edges_site", "Site Durban", "Visible", null)),
                new Outcome(JobStatus.INCOMPLETE, "partial.failure", PARTIAL_ROLLOUT_ERROR));
    }

    private static Accelerator dataActionsCommunity() {
        return new Accelerator(DATA_ACTIONS_COMMUNITY_ID, "Data Actions",
                "Community data actions for a web services integration.",
                "Community", "Module", "integrations", List.of("integrations", "data-actions"),
                List.of("integrations:action:add"), List.of("genesysCloud1"),
                List.of(new Documentation("Community README", "https://github.com/example/data-actions")),
                List.of(new Section("Integration", "Web services integration", List.of(
                        ParameterSpec.required("integration_name", "Name of the integration"),
                        ParameterSpec.required("client_secret", "Secret of the remote service").asSensitive()))),
                List.of(new ResultEntity("genesyscloud_integration", "Integration", "Visible", "integration_name"),
                        new ResultEntity("genesyscloud_integration_action", "Data action", "Visible", null)),
                Outcome.COMPLETE);
    }

    private static Accelerator dataActionsGenesys() {
        return new Accelerator(DATA_ACTIONS_GENESYS_ID, "Data Actions",
                "Genesys Cloud data actions integration with OAuth client credentials.",
                "Genesys", "Accelerator", "integrations", List.of("integrations", "data-actions", "oauth"),
                List.of("integrations:action:add", "oauth:client:add"), List.of("genesysCloud1"),
                List.of(new Documentation("README", DOCS + "data-actions")),
                List.of(new Section("Integration", "Genesys Cloud data actions integration", List.of(
                        ParameterSpec.required("integration_name", "Name of the integration"),
                        ParameterSpec.required("oauth_client_id", "OAuth client id"),
                        ParameterSpec.required("oauth_client_secret", "OAuth client secret").asSensitive()))),
                List.of(new ResultEntity("genesyscloud_integration", "Integration", "Visible", "integration_name"),
                        new ResultEntity("genesyscloud_integration_credential", "Credential", "Hidden", null)),
                Outcome.COMPLETE);
    }
}
