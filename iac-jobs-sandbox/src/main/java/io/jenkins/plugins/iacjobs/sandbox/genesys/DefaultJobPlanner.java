package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalogue's own behaviour: default phase durations, the accelerator's outcome, and results that are a
 * pretty-printed JSON plan for dry runs (sensitive values masked) or a JSON list of created resources otherwise.
 */
public final class DefaultJobPlanner implements JobPlanner {

    public static final String MASK = "********";

    private final AcceleratorCatalogue catalogue;

    public DefaultJobPlanner(AcceleratorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public JobPlan plan(String acceleratorId, Map<String, String> parameters, boolean dryRun, int jobIndex) {
        Accelerator accelerator = catalogue.find(acceleratorId)
                .orElseThrow(() -> new IllegalArgumentException("unknown accelerator " + acceleratorId));
        Accelerator.Outcome outcome = accelerator.outcome();
        List<Accelerator.ResultEntity> resources = accelerator.results();
        return switch (outcome.status()) {
            case FAILED -> JobPlan.failed(outcome.errorCode(), outcome.errorMessage());
            case INCOMPLETE -> JobPlan.incomplete(outcome.errorCode(), outcome.errorMessage(), dryRun
                    ? ResultsSource.of(plan(accelerator, parameters))
                    : ResultsSource.of(created(accelerator, resources.subList(0, Math.max(0, resources.size() - 1)),
                            parameters, jobIndex)));
            default -> JobPlan.complete(ResultsSource.of(dryRun
                    ? plan(accelerator, parameters)
                    : created(accelerator, resources, parameters, jobIndex)));
        };
    }

    /** The dry-run plan: what would be created, with sensitive parameter values masked. */
    static String plan(Accelerator accelerator, Map<String, String> parameters) {
        ObjectNode plan = Json.object();
        plan.putObject("accelerator").put("id", accelerator.id()).put("name", accelerator.name());
        plan.put("dryRun", true);
        ObjectNode shownParameters = plan.putObject("parameters");
        parameters.forEach((name, value) -> shownParameters.put(name, masked(accelerator, name, value)));
        ArrayNode changes = plan.putArray("resources");
        for (Accelerator.ResultEntity entity : accelerator.results()) {
            changes.addObject().put("action", "create").put("type", entity.type())
                    .put("name", resourceName(entity, parameters)).put("description", entity.description());
        }
        plan.putObject("summary").put("create", changes.size()).put("update", 0).put("destroy", 0);
        return pretty(plan);
    }

    /**
     * {@code planJson} with one {@code update} per address in {@code changedOutside}: resources someone changed in the
     * organization, which a dry run now plans to set back (so it plans other changes than an earlier one).
     */
    static String withUpdates(String planJson, List<String> changedOutside) {
        try {
            ObjectNode plan = (ObjectNode) Json.MAPPER.readTree(planJson);
            ArrayNode changes = (ArrayNode) plan.get("resources");
            for (String address : changedOutside) {
                int dot = address.lastIndexOf('.');
                changes.addObject().put("action", "update").put("type", dot > 0 ? address.substring(0, dot) : address)
                        .put("name", dot > 0 ? address.substring(dot + 1) : address).put("description", "changed outside the accelerator");
            }
            ObjectNode summary = (ObjectNode) plan.get("summary");
            summary.put("update", summary.path("update").asInt() + changedOutside.size());
            return pretty(plan);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("the sandbox's own plan is JSON", e);
        }
    }

    /** The dry-run plan of an accelerator whose infrastructure already matches: no resources, all counts zero. */
    static String noChanges(Accelerator accelerator, Map<String, String> parameters) {
        ObjectNode plan = Json.object();
        plan.putObject("accelerator").put("id", accelerator.id()).put("name", accelerator.name());
        plan.put("dryRun", true);
        ObjectNode shownParameters = plan.putObject("parameters");
        parameters.forEach((name, value) -> shownParameters.put(name, masked(accelerator, name, value)));
        plan.putArray("resources");
        plan.putObject("summary").put("create", 0).put("update", 0).put("destroy", 0);
        return pretty(plan);
    }

    /** The applied run's results: the created resources with ids. */
    static String created(Accelerator accelerator, List<Accelerator.ResultEntity> entities,
                          Map<String, String> parameters, int jobIndex) {
        ArrayNode created = Json.array();
        for (int i = 0; i < entities.size(); i++) {
            Accelerator.ResultEntity entity = entities.get(i);
            String seed = accelerator.id() + "/" + jobIndex + "/" + i;
            created.addObject().put("type", entity.type())
                    .put("id", UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString())
                    .put("name", resourceName(entity, parameters)).put("description", entity.description());
        }
        return pretty(created);
    }

    private static String masked(Accelerator accelerator, String name, String value) {
        return accelerator.parameter(name).map(ParameterSpec::sensitive).orElse(false) ? MASK : value;
    }

    private static String resourceName(Accelerator.ResultEntity entity, Map<String, String> parameters) {
        String name = entity.nameParameter() == null ? null : parameters.get(entity.nameParameter());
        return name == null || name.isEmpty() ? entity.description() : name;
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
