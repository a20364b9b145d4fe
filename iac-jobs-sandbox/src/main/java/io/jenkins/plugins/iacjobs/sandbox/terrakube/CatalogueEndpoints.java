package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;

/** Organizations, workspaces and templates, and the {@code /tfoutput/v1} step log endpoint. */
final class CatalogueEndpoints {
    private final TerrakubeState tk;

    CatalogueEndpoints(TerrakubeState tk) {
        this.tk = tk;
    }

    void organizations(SandboxRequest request) throws IOException {
        boolean visible = tk.authorize(request) != TokenAccess.NO_TEAM;
        ArrayNode data = Json.array();
        if (visible) {
            data.add(JobDocuments.named("organization", tk.organizationId(), Catalogue.ORGANIZATION, "The sandbox organization"));
        }
        respond(request, data);
    }

    void workspaces(SandboxRequest request) throws IOException {
        boolean visible = tk.authorize(request) != TokenAccess.NO_TEAM;
        requireOrganization(request);
        ArrayNode data = Json.array();
        if (visible) {
            for (SandboxWorkspace w : tk.catalogue().workspaces) {
                ObjectNode r = JobDocuments.named("workspace", w.id(), w.name(), w.description());
                ((ObjectNode) r.get("attributes")).put("branch", "main").put("source", "https://github.com/example/sandbox-iac.git")
                        .put("iacType", "terraform");
                data.add(r);
            }
        }
        respond(request, data);
    }

    void templates(SandboxRequest request) throws IOException {
        boolean visible = tk.authorize(request) != TokenAccess.NO_TEAM;
        requireOrganization(request);
        if (tk.older()) {
            throw new ApiError(404, "not.found", "Unknown collection template");
        }
        ArrayNode data = Json.array();
        if (visible) {
            for (SandboxTemplate t : tk.catalogue().templates) {
                ObjectNode r = JobDocuments.named("template", t.id(), t.name(), t.description());
                ((ObjectNode) r.get("attributes")).put("version", "1.0.0").put("tcl", t.tcl());
                data.add(r);
            }
        }
        respond(request, data);
    }

    /** The step log as far as it has been written: 200 octet-stream, the whole of it; {@code Range} is ignored. */
    void log(SandboxRequest request) throws IOException {
        tk.authorize(request);
        requireOrganization(request);
        byte[] bytes;
        synchronized (tk.lock()) {
            tk.advanceAll();
            SandboxRun run = tk.find(request.pathVariable("job"));
            RunStep step = run == null ? null : run.steps.stream()
                    .filter(s -> s.id.equals(request.pathVariable("step"))).findFirst().orElse(null);
            if (step == null) {
                throw new ApiError(404, "not.found", "No output for job " + request.pathVariable("job") + " step "
                        + request.pathVariable("step"));
            }
            bytes = step.visibleLog(tk.now());
        }
        request.respondBytes(200, "application/octet-stream", bytes);
    }

    private void requireOrganization(SandboxRequest request) {
        String org = request.pathVariable("org");
        if (org != null && !org.equals(tk.organizationId())) {
            throw new ApiError(404, "not.found", "Unknown identifier [" + org + "] for organization");
        }
    }

    private static void respond(SandboxRequest request, ArrayNode data) throws IOException {
        ObjectNode doc = Json.object();
        doc.set("data", data);
        request.respondJson(200, doc);
    }
}
