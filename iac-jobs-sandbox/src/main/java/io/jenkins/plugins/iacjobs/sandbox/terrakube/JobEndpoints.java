package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Jobs: create (both APIs), get with {@code include=step}, list, PATCH status, delete job and steps. */
final class JobEndpoints {
    private static final Set<String> VIA = Set.of("UI", "CLI", "Github", "Gitlab", "Bitbucket", "Schedule");

    private final TerrakubeState tk;

    JobEndpoints(TerrakubeState tk) {
        this.tk = tk;
    }

    void create(SandboxRequest request) throws IOException {
        TokenAccess access = tk.authorize(request);
        requireOrganization(request);
        JsonNode data = jsonApiBody(request).path("data");
        JsonNode attributes = data.path("attributes");
        if (tk.older()) {
            throw ApiError.badRequest("InvalidAttributeException: Unknown attribute 'templateReference' for job");
        }
        requireManage(access, "CreatePermission Denied");
        SandboxWorkspace ws = workspace(data);
        String templateId = attributes.path("templateReference").asText("");
        SandboxTemplate template = tk.catalogue().template(templateId)
                .orElseThrow(() -> ApiError.badRequest("Template " + templateId + " not found in the organization"));
        String via = attributes.hasNonNull("via") ? attributes.get("via").asText() : "UI";
        if (!VIA.contains(via)) {
            throw ApiError.badRequest("Invalid value '" + via + "' for attribute via: use one of " + VIA);
        }
        String branch = attributes.hasNonNull("overrideBranch") ? attributes.get("overrideBranch").asText() : null;
        String comments = attributes.hasNonNull("comments") ? attributes.get("comments").asText() : null;
        respondCreated(request, () -> tk.create(ws, template, null, template.flows(), branch, via, comments));
    }

    void createCommand(SandboxRequest request) throws IOException {
        TokenAccess access = tk.authorize(request);
        JsonNode data = jsonApiBody(request).path("data");
        if (!tk.older()) {
            throw ApiError.badRequest("InvalidAttributeException: Unknown attribute 'command' for job");
        }
        requireManage(access, "CreatePermission Denied");
        SandboxWorkspace ws = tk.catalogue().workspace(request.pathVariable("ws"))
                .orElseThrow(() -> ApiError.notFound("Unknown identifier [" + request.pathVariable("ws") + "] for workspace"));
        String command = data.path("attributes").path("command").asText("");
        List<Flow> flows = Catalogue.commandFlows(command);
        if (flows == null) {
            throw ApiError.badRequest("Invalid value '" + command + "' for attribute command: use plan, apply or destroy");
        }
        respondCreated(request, () -> tk.create(ws, null, command, flows, null, "UI", null));
    }

    void get(SandboxRequest request) throws IOException {
        tk.authorize(request);
        ObjectNode doc;
        synchronized (tk.lock()) {
            tk.advanceAll();
            SandboxRun run = run(request);
            doc = JobDocuments.document(JobDocuments.job(run, tk.organizationId(), Responses.apiUrl(request), tk.older()));
            String include = request.query("include");
            if (include != null && List.of(include.split(",")).contains("step")) {
                ArrayNode included = doc.putArray("included");
                run.steps.forEach(s -> included.add(JobDocuments.step(s, run, tk.organizationId(), Responses.apiUrl(request))));
            }
        }
        request.respondJson(200, doc);
    }

    void listOrganization(SandboxRequest request) throws IOException {
        list(request, null);
    }

    void listWorkspace(SandboxRequest request) throws IOException {
        list(request, request.pathVariable("ws"));
    }

    private void list(SandboxRequest request, String workspaceId) throws IOException {
        boolean visible = tk.authorize(request) != TokenAccess.NO_TEAM;
        requireOrganization(request);
        if (request.query("page[size]") != null || request.query("page[number]") != null) {
            throw ApiError.badRequest("Cannot paginate job");
        }
        String sort = request.query("sort");
        String filter = request.query("filter[job]");
        ArrayNode data = Json.array();
        synchronized (tk.lock()) {
            tk.advanceAll();
            List<SandboxRun> runs = tk.runs();
            Comparator<SandboxRun> order = Comparator.comparingLong(r -> r.id);
            if ("-id".equals(sort)) {
                order = order.reversed();
            }
            for (SandboxRun r : runs.stream().sorted(order).toList()) {
                if (visible && (workspaceId == null || r.workspace.id().equals(workspaceId)) && matches(filter, r)) {
                    data.add(JobDocuments.job(r, tk.organizationId(), Responses.apiUrl(request), tk.older()));
                }
            }
        }
        ObjectNode doc = Json.object();
        doc.set("data", data);
        request.respondJson(200, doc);
    }

    void patch(SandboxRequest request) throws IOException {
        TokenAccess access = tk.authorize(request);
        JsonNode data = jsonApiBody(request).path("data");
        requireManage(access, "UpdatePermission Denied");
        String status = data.path("attributes").path("status").asText("");
        synchronized (tk.lock()) {
            tk.advanceAll();
            SandboxRun run = run(request);
            if (data.hasNonNull("id") && !data.get("id").asText().equals(Long.toString(run.id))) {
                throw ApiError.badRequest("Id in the document (" + data.get("id").asText() + ") does not match the URL");
            }
            switch (status) {
                case "approved" -> {
                    if (tk.faults().shouldDropApproval()) {
                        request.dropConnection();
                        return;
                    }
                    tk.counters().increment(run.approve(tk.now(), tk.timings())
                            ? TerrakubeSandbox.APPROVALS : TerrakubeSandbox.DUPLICATE_APPROVALS);
                }
                case "rejected" -> {
                    tk.counters().increment(TerrakubeSandbox.REJECTIONS);
                    run.reject(tk.now());
                }
                case "cancelled" -> {
                    tk.counters().increment(TerrakubeSandbox.CANCELS);
                    run.cancel(tk.now());
                }
                default -> throw ApiError.badRequest("The sandbox only PATCHes status to approved, rejected or cancelled, got '"
                        + status + "'");
            }
        }
        request.respondNoContent();
    }

    /** A real server answers 400 (Spring's body) to a DELETE with a content type, and 423 while the job has steps. */
    void delete(SandboxRequest request) throws IOException {
        TokenAccess access = tk.authorize(request);
        rejectDeleteBody(request);
        requireManage(access, "DeletePermission Denied");
        synchronized (tk.lock()) {
            tk.advanceAll();
            SandboxRun run = run(request);
            if (!run.steps.isEmpty()) {
                throw new ApiError(423, "locked", "could not execute statement; NULL not allowed for column \"JOB_ID\"");
            }
            tk.remove(run);
        }
        request.respondNoContent();
    }

    void deleteStep(SandboxRequest request) throws IOException {
        TokenAccess access = tk.authorize(request);
        rejectDeleteBody(request);
        requireManage(access, "DeletePermission Denied");
        synchronized (tk.lock()) {
            tk.advanceAll();
            SandboxRun run = run(request);
            if (!run.isDone()) {
                throw new ApiError(409, "conflict", "The sandbox deletes steps of ended jobs only; cancel job " + run.id + " first");
            }
            boolean removed = run.steps.removeIf(s -> s.id.equals(request.pathVariable("step")));
            if (!removed) {
                throw ApiError.notFound("Unknown identifier [" + request.pathVariable("step") + "] for step");
            }
        }
        request.respondNoContent();
    }

    private interface Creator {
        SandboxRun create();
    }

    private void respondCreated(SandboxRequest request, Creator creator)
            throws IOException {
        ObjectNode doc;
        synchronized (tk.lock()) {
            tk.advanceAll();
            SandboxRun run = creator.create();
            doc = JobDocuments.document(JobDocuments.job(run, tk.organizationId(), Responses.apiUrl(request), tk.older()));
        }
        if (tk.faults().shouldDropSubmitResponse()) {
            request.dropConnection();
            return;
        }
        request.respondJson(201, doc);
    }

    private SandboxRun run(SandboxRequest request) {
        String id = request.pathVariable("job");
        SandboxRun run = tk.find(id);
        String ws = request.pathVariable("ws");
        if (run == null || (ws != null && !run.workspace.id().equals(ws))) {
            throw ApiError.notFound("Unknown identifier [" + id + "] for job");
        }
        return run;
    }

    private SandboxWorkspace workspace(JsonNode data) {
        String id = data.path("relationships").path("workspace").path("data").path("id").asText("");
        return tk.catalogue().workspace(id).orElseThrow(() -> ApiError.notFound("Unknown identifier [" + id + "] for workspace"));
    }

    private void requireOrganization(SandboxRequest request) {
        String org = request.pathVariable("org");
        if (org != null && !org.equals(tk.organizationId())) {
            throw ApiError.notFound("Unknown identifier [" + org + "] for organization");
        }
    }

    private static void requireManage(TokenAccess access, String denied) {
        if (access != TokenAccess.MANAGE) {
            throw new ApiError(403, "forbidden", denied);
        }
    }

    /** Elide refuses bodies that are not {@code application/vnd.api+json}, parameters included, with 415. */
    private static JsonNode jsonApiBody(SandboxRequest request) throws IOException {
        String type = request.header("Content-Type");
        if (type == null || !type.strip().equals(TerrakubeDialect.JSON_API)) {
            throw new ApiError(415, "unsupported.media.type", "Unsupported Media Type: send " + TerrakubeDialect.JSON_API
                    + " without parameters, got " + type);
        }
        JsonNode body = request.bodyJson();
        if (!"job".equals(body.path("data").path("type").asText())) {
            throw ApiError.badRequest("The document's data must be of type job");
        }
        return body;
    }

    private static void rejectDeleteBody(SandboxRequest request) throws IOException {
        if (request.header("Content-Type") != null || request.body().length > 0) {
            Responses.springError(request, 400, "Bad Request");
            throw ApiError.badRequest("DELETE with a body");
        }
    }

    /** {@code filter[job]=status==completed}: the one RSQL shape clients use here. */
    private static boolean matches(String filter, SandboxRun r) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        int in = filter.indexOf("=in=(");
        if (in > 0 && filter.endsWith(")")) { // RSQL, as Elide takes it: status=in=(pending,running)
            String field = filter.substring(0, in).strip();
            List<String> values = List.of(filter.substring(in + 5, filter.length() - 1).split(","));
            return switch (field) {
                case "status" -> values.stream().anyMatch(v -> v.strip().equals(r.status));
                case "id" -> values.stream().anyMatch(v -> v.strip().equals(Long.toString(r.id)));
                default -> throw ApiError.badRequest("The sandbox filters jobs by status or id only, got " + field);
            };
        }
        int eq = filter.indexOf("==");
        if (eq < 0) {
            throw ApiError.badRequest("Invalid filter format: " + filter);
        }
        String field = filter.substring(0, eq).strip();
        String value = filter.substring(eq + 2).strip();
        return switch (field) {
            case "status" -> r.status.equals(value);
            case "id" -> Long.toString(r.id).equals(value);
            default -> throw ApiError.badRequest("The sandbox filters jobs by status or id only, got " + field);
        };
    }
}
