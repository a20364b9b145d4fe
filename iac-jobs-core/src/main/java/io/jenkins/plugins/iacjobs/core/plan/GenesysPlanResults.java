package io.jenkins.plugins.iacjobs.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a plan from a Genesys Cloud dry run's {@code results}. The API documents them as an opaque string
 * (API-DIGEST §1.2), so this accepts what a plan can reasonably look like and leaves the rest to the raw results:
 * <ul>
 *   <li>a JSON object with {@code resources: [{action, type, name | address}]} and an optional
 *       {@code summary: {create, update, destroy}} (the sandbox's shape);</li>
 *   <li>Terraform's JSON plan, {@code resource_changes: [{address, type, name, change: {actions: [...]}}]};</li>
 *   <li>Terraform's text output ({@link TerraformPlanText}).</li>
 * </ul>
 */
public final class GenesysPlanResults {
    static final String SOURCE = "genesys results";

    private GenesysPlanResults() {
    }

    public static Optional<Plan> read(String results, ObjectMapper json) {
        if (results == null || results.isBlank()) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = json.readTree(results);
        } catch (IOException notJson) {
            return TerraformPlanText.read(results);
        }
        return n == null ? Optional.empty() : fromJson(n);
    }

    /**
     * The plan in results on disk, read with memory bounded whatever their size: results up to {@code jsonLimit} bytes
     * are tried as JSON first; anything else is read as Terraform's text, streamed.
     */
    public static Optional<Plan> read(Path results, ObjectMapper json, long jsonLimit) throws IOException {
        if (Files.size(results) <= jsonLimit) {
            JsonNode n = null;
            try {
                n = json.readTree(results.toFile());
            } catch (JsonProcessingException notJson) {
                // Terraform's text, below
            }
            if (n != null && (n.isObject() || n.isArray())) {
                return fromJson(n);
            }
            if (n != null && !n.isMissingNode()) {
                return Optional.empty(); // a JSON scalar: no plan, as for results given as a string
            }
        }
        // a decoder that replaces bad bytes: results are the remote's, and one bad byte must not hide the plan
        try (Reader in = new InputStreamReader(Files.newInputStream(results), StandardCharsets.UTF_8)) {
            return TerraformPlanText.read(in);
        }
    }

    /** The plan in results already parsed as JSON, or empty when they have neither of the shapes above. */
    public static Optional<Plan> fromJson(JsonNode n) {
        if (n.path("resource_changes").isArray()) {
            return Optional.of(fromTerraformJson(n.get("resource_changes")));
        }
        if (n.path("resources").isArray()) {
            return Optional.of(fromResources(n.get("resources"), n.path("summary")));
        }
        return Optional.empty();
    }

    private static Plan fromResources(JsonNode resources, JsonNode summary) {
        PlanTally changes = new PlanTally();
        for (JsonNode r : resources) {
            PlannedChange.Action a = action(r.path("action").asText(""));
            if (a == null) {
                continue;
            }
            String type = r.path("type").asText(null);
            String name = r.path("name").asText(null);
            String address = r.hasNonNull("address") ? r.get("address").asText()
                    : type == null ? name : name == null ? type : type + "." + name;
            changes.add(new PlannedChange(a, address, type, name));
        }
        if (summary.isObject()) {
            int add = summary.path("create").asInt(summary.path("add").asInt(0));
            int change = summary.path("update").asInt(summary.path("change").asInt(0));
            int destroy = summary.path("destroy").asInt(summary.path("delete").asInt(0));
            return changes.summarised(add, change, destroy, add + change + destroy == 0, SOURCE);
        }
        return changes.listed(SOURCE);
    }

    private static Plan fromTerraformJson(JsonNode changesNode) {
        PlanTally changes = new PlanTally();
        for (JsonNode rc : changesNode) {
            List<String> actions = new ArrayList<>();
            rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
            PlannedChange.Action a = actions.contains("delete") && actions.contains("create") ? PlannedChange.Action.REPLACE
                    : actions.contains("create") ? PlannedChange.Action.CREATE
                    : actions.contains("update") ? PlannedChange.Action.UPDATE
                    : actions.contains("delete") ? PlannedChange.Action.DESTROY : null;
            if (a != null) {
                changes.add(new PlannedChange(a, rc.path("address").asText(), rc.path("type").asText(null), rc.path("name").asText(null)));
            }
        }
        return changes.listed(SOURCE);
    }

    @CheckForNull
    private static PlannedChange.Action action(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "create", "add", "created" -> PlannedChange.Action.CREATE;
            case "update", "change", "modify", "updated" -> PlannedChange.Action.UPDATE;
            case "delete", "destroy", "remove", "deleted" -> PlannedChange.Action.DESTROY;
            case "replace", "recreate" -> PlannedChange.Action.REPLACE;
            default -> null;
        };
    }
}
