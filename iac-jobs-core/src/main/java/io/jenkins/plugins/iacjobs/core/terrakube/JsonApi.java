package io.jenkins.plugins.iacjobs.core.terrakube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Organization;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Step;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Template;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.MediaType;

/**
 * Reads and writes the JSON:API documents Terrakube (Elide) speaks. Reading is lenient: unknown attributes are
 * ignored, ids may come as numbers or strings, and a missing attribute is null.
 */
final class JsonApi {
    /** No charset parameter: JSON:API servers must refuse media type parameters with 415. */
    static final MediaType MEDIA_TYPE = MediaType.get("application/vnd.api+json");
    static final String CONTENT_TYPE = "application/vnd.api+json";

    private JsonApi() {
    }

    /** The {@code data} array of a listing; a lone object counts as one; a missing {@code data} is null. */
    @CheckForNull
    static List<JsonNode> dataList(JsonNode doc) {
        JsonNode data = doc == null ? null : doc.get("data");
        if (data == null || data.isNull()) {
            return null;
        }
        List<JsonNode> out = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(out::add);
        } else {
            out.add(data);
        }
        return out;
    }

    @CheckForNull
    static String id(JsonNode resource) {
        JsonNode id = resource.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    @CheckForNull
    static String text(JsonNode resource, String attribute) {
        JsonNode v = resource.path("attributes").get(attribute);
        return v == null || v.isNull() ? null : v.asText();
    }

    @CheckForNull
    static Boolean bool(JsonNode resource, String attribute) {
        JsonNode v = resource.path("attributes").get(attribute);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    /** The id of a to-one relationship, or of the first element of a to-many one written as a list. */
    @CheckForNull
    static String relationshipId(JsonNode resource, String name) {
        JsonNode data = resource.path("relationships").path(name).get("data");
        if (data == null || data.isNull()) {
            return null;
        }
        if (data.isArray()) {
            return data.isEmpty() ? null : id(data.get(0));
        }
        return id(data);
    }

    static Organization organization(JsonNode r) {
        return new Organization(id(r), text(r, "name"), text(r, "description"));
    }

    static Workspace workspace(JsonNode r) {
        return new Workspace(id(r), text(r, "name"), text(r, "description"), text(r, "branch"), text(r, "source"));
    }

    static Template template(JsonNode r) {
        return new Template(id(r), text(r, "name"), text(r, "description"), text(r, "version"), text(r, "tcl"));
    }

    static Step step(JsonNode r) {
        JsonNode n = r.path("attributes").get("stepNumber");
        int number = n == null || !n.canConvertToInt() ? 0 : n.asInt();
        if (n != null && n.isTextual()) {
            try {
                number = Integer.parseInt(n.asText().strip());
            } catch (NumberFormatException ignored) {
                // keep 0: ordering only
            }
        }
        return new Step(id(r), number, text(r, "name"), text(r, "status"), text(r, "output"));
    }

    /** A job with the steps found in {@code included} (for {@code include=step}), ordered by step number. */
    static TerrakubeJob job(JsonNode r, JsonNode included) {
        List<Step> steps = new ArrayList<>();
        if (included != null && included.isArray()) {
            for (JsonNode inc : included) {
                if ("step".equals(inc.path("type").asText())) {
                    steps.add(step(inc));
                }
            }
        }
        steps.sort(Comparator.comparingInt(Step::stepNumber));
        return new TerrakubeJob(id(r), text(r, "status"), text(r, "templateReference"), text(r, "command"),
                text(r, "overrideBranch"), text(r, "via"), text(r, "comments"), text(r, "approvalTeam"), bool(r, "planChanges"),
                TerrakubeDates.parse(text(r, "createdDate")), TerrakubeDates.parse(text(r, "updatedDate")),
                relationshipId(r, "workspace"), steps);
    }

    /** {@code {"data":{"type":"job","attributes":{...},"relationships":{"workspace":{"data":{...}}}}}}. */
    static ObjectNode newJob(ObjectMapper json, String workspaceId) {
        ObjectNode doc = json.createObjectNode();
        ObjectNode data = doc.putObject("data");
        data.put("type", "job");
        data.putObject("attributes");
        data.putObject("relationships").putObject("workspace").putObject("data")
                .put("type", "workspace").put("id", workspaceId);
        return doc;
    }

    static ObjectNode attributes(ObjectNode doc) {
        return (ObjectNode) doc.path("data").path("attributes");
    }

    /** {@code {"data":{"type":"job","id":"42","attributes":{"status":"approved"}}}}. */
    static ObjectNode statusPatch(ObjectMapper json, String jobId, String status) {
        ObjectNode doc = json.createObjectNode();
        ObjectNode data = doc.putObject("data");
        data.put("type", "job");
        data.put("id", jobId);
        data.putObject("attributes").put("status", status);
        return doc;
    }
}
