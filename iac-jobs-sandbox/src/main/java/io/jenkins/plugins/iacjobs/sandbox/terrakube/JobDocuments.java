package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Renders JSON:API resources the way a Terrakube 2.27 server was seen to: job ids are integers sent as strings,
 * dates have minute precision, {@code tcl} is null until the steps exist, and a step's {@code output} is the URL of
 * its log once it has started.
 */
final class JobDocuments {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private JobDocuments() {
    }

    static String date(Instant at) {
        return MINUTES.format(at.truncatedTo(ChronoUnit.MINUTES));
    }

    static ObjectNode job(SandboxRun run, String orgId, String apiUrl, boolean older) {
        ObjectNode r = Json.object();
        r.put("type", "job");
        r.put("id", Long.toString(run.id));
        ObjectNode a = r.putObject("attributes");
        a.put("status", run.status);
        if (older) {
            a.put("command", run.command);
        } else {
            a.put("templateReference", run.template == null ? null : run.template.id());
            a.put("tcl", run.steps.isEmpty() || run.template == null ? null : run.template.tcl());
            a.put("overrideBranch", run.branch);
            a.put("via", run.via);
            a.put("refresh", true);
            a.put("planChanges", run.planChanges);
            a.put("refreshOnly", false);
            a.put("approvalTeam", run.approvalTeam);
            a.putNull("terraformPlan");
            a.putNull("commitId");
            a.put("comments", run.comments);
        }
        StringBuilder output = new StringBuilder();
        run.steps.stream().filter(s -> s.status.equals("completed")).forEach(s -> output.append(" Step ").append(s.id).append(" completed\n"));
        a.put("output", output.length() == 0 ? null : output.toString());
        a.put("createdBy", run.createdBy);
        a.put("createdDate", date(run.createdAt));
        a.put("updatedBy", run.createdBy);
        a.put("updatedDate", date(run.updatedAt));
        ObjectNode rel = r.putObject("relationships");
        rel.putObject("organization").putObject("data").put("type", "organization").put("id", orgId);
        rel.putObject("workspace").putObject("data").put("type", "workspace").put("id", run.workspace.id());
        ArrayNode steps = rel.putObject("step").putArray("data");
        run.steps.forEach(s -> steps.addObject().put("type", "step").put("id", s.id));
        rel.putObject("address").putArray("data");
        return r;
    }

    static ObjectNode step(RunStep s, SandboxRun run, String orgId, String apiUrl) {
        ObjectNode r = Json.object();
        r.put("type", "step");
        r.put("id", s.id);
        ObjectNode a = r.putObject("attributes");
        a.put("stepNumber", s.flow.step());
        a.put("name", s.flow.name());
        a.put("status", s.status);
        a.put("output", s.hasRun() ? logUrl(apiUrl, orgId, run.id, s.id) : null);
        r.putObject("relationships").putObject("job").putObject("data").put("type", "job").put("id", Long.toString(run.id));
        return r;
    }

    static String logUrl(String apiUrl, String orgId, long jobId, String stepId) {
        return apiUrl + "/tfoutput/v1/organization/" + orgId + "/job/" + jobId + "/step/" + stepId;
    }

    static ObjectNode document(ObjectNode data) {
        ObjectNode doc = Json.object();
        doc.set("data", data);
        return doc;
    }

    static ObjectNode named(String type, String id, String name, String description) {
        ObjectNode r = Json.object();
        r.put("type", type);
        r.put("id", id);
        r.putObject("attributes").put("name", name).put("description", description);
        return r;
    }
}
