package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Terraform state after an apply, as a Terrakube 2.23+ server keeps it (facts and sources in {@code docs/terrakube.md}):
 * the {@code history} rows the executor writes (one per successful apply or destroy, {@code jobReference} = the job),
 * the {@code terraform show -json} file each names under {@code /tfstate/v1/...} (the team needs manageState: a token
 * of a viewing team gets 403), and the TFC-compatible {@code current-state-version-outputs}. Sensitive values are returned
 * in clear, as Terrakube returns them: masking is the client's job.
 */
final class StateEndpoints {
    private final TerrakubeState tk;

    StateEndpoints(TerrakubeState tk) {
        this.tk = tk;
    }

    /** {@code GET .../workspace/{ws}/history?filter[history]=jobReference==N}. */
    void history(SandboxRequest request) throws IOException {
        tk.authorize(request);
        String ws = request.pathVariable("ws");
        String filter = request.query("filter[history]");
        String job = null;
        if (filter != null) {
            if (!filter.startsWith("jobReference==")) {
                throw ApiError.badRequest("The sandbox filters history by jobReference only, got " + filter);
            }
            job = filter.substring("jobReference==".length()).strip();
        }
        ArrayNode data = Json.array();
        synchronized (tk.lock()) {
            tk.advanceAll();
            for (SandboxRun r : applied(ws)) {
                if (job == null || job.equals(Long.toString(r.id))) {
                    ObjectNode row = data.addObject();
                    row.put("type", "history");
                    row.put("id", Catalogue.uuid("history:" + r.id));
                    ObjectNode a = row.putObject("attributes");
                    a.put("jobReference", Long.toString(r.id));
                    a.put("serial", 1);
                    a.put("md5", "0");
                    a.put("lineage", "0");
                    // the executor's own configured API URL: a client must take the file name only
                    a.put("output", "http://terrakube-api.internal:8080/tfstate/v1/organization/" + tk.organizationId()
                            + "/workspace/" + ws + "/state/" + stateFile(r) + ".json");
                    a.put("createdDate", r.doneAt.toString());
                }
            }
        }
        ObjectNode doc = Json.object();
        doc.set("data", data);
        request.respondJson(200, doc);
    }

    /** {@code GET /tfstate/v1/organization/{org}/workspace/{ws}/state/{file}}: the show-json of that state. */
    void stateJson(SandboxRequest request) throws IOException {
        if (tk.authorize(request) != TokenAccess.MANAGE) { // the sandbox's teams with manage rights also manage state
            throw new ApiError(403, "forbidden", "Access Denied");
        }
        String ws = request.pathVariable("ws");
        String file = request.pathVariable("file");
        ObjectNode doc;
        synchronized (tk.lock()) {
            tk.advanceAll();
            SandboxRun run = applied(ws).stream().filter(r -> (stateFile(r) + ".json").equals(file)).findFirst()
                    .orElseThrow(() -> ApiError.notFound("No state " + file));
            doc = Json.object();
            doc.put("format_version", "1.0");
            doc.put("terraform_version", "1.9.5");
            ObjectNode values = doc.putObject("values");
            ObjectNode root = values.putObject("root_module");
            root.putArray("resources").addObject().put("address", "null_resource.sandbox").put("type", "null_resource");
            values.set("outputs", outputs(run));
        }
        request.respondJson(200, doc);
    }

    /** {@code GET /remote/tfe/v2/workspaces/{ws}/current-state-version-outputs}: the latest apply's, as JSON:API. */
    void currentOutputs(SandboxRequest request) throws IOException {
        tk.authorize(request);
        ArrayNode data = Json.array();
        synchronized (tk.lock()) {
            tk.advanceAll();
            List<SandboxRun> all = applied(request.pathVariable("ws"));
            if (!all.isEmpty()) {
                ObjectNode outputs = outputs(all.get(all.size() - 1));
                outputs.fields().forEachRemaining(e -> {
                    ObjectNode item = data.addObject();
                    item.put("id", java.util.UUID.randomUUID().toString()); // new on every call, as Terrakube does
                    item.put("type", "state-version-outputs");
                    ObjectNode a = item.putObject("attributes");
                    a.put("name", e.getKey());
                    a.set("value", e.getValue().get("value"));
                    a.put("sensitive", e.getValue().get("sensitive").asBoolean());
                    boolean scalar = e.getValue().get("type").isTextual();
                    a.put("type", scalar ? "string" : "object");
                    a.set("detailed-type", scalar ? TextNode.valueOf("string") : e.getValue().get("type"));
                });
            }
        }
        ObjectNode doc = Json.object();
        doc.set("data", data);
        request.respondJson(200, doc);
    }

    /** The workspace's jobs that applied (or destroyed) and completed, oldest first. */
    private List<SandboxRun> applied(String ws) {
        return tk.runs().stream()
                .filter(r -> r.workspace.id().equals(ws) && r.isDone() && "completed".equals(r.status)
                        && r.steps.stream().anyMatch(s -> s.flow.type().startsWith("terraformApply") || s.flow.type().equals("terraformDestroy"))
                        && r.steps.stream().anyMatch(s -> s.flow.type().startsWith("terraformApply") && "completed".equals(s.status)))
                .sorted(Comparator.comparingLong(r -> r.id)).toList();
    }

    private static String stateFile(SandboxRun r) {
        return Catalogue.uuid("state:" + r.id);
    }

    /**
     * What every sandbox apply outputs: a string, a list, a number and a sensitive string, each naming the job, so a
     * client that read another job's state is caught.
     */
    private static ObjectNode outputs(SandboxRun r) {
        ObjectNode o = Json.object();
        o.putObject("vpc_id").put("sensitive", false).put("value", "vpc-" + r.workspace.name() + "-" + r.id).put("type", "string");
        ObjectNode subnets = o.putObject("subnet_ids").put("sensitive", false);
        subnets.putArray("value").add("subnet-a-" + r.id).add("subnet-b-" + r.id);
        subnets.putArray("type").add("list").add("string");
        o.putObject("instance_count").put("sensitive", false).put("value", 2).put("type", "number");
        o.putObject("db_password").put("sensitive", true).put("value", SECRET_OUTPUT_PREFIX + r.id).put("type", "string");
        return o;
    }

    /** The sensitive output's value starts with this, so tests can look for it anywhere it must not be. */
    static final String SECRET_OUTPUT_PREFIX = "sandbox-db-password-";
}
