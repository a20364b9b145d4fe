package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code POST /jobs} (submit), {@code GET /jobs/{jobId}} (status) and {@code GET /jobs} (history). */
final class JobEndpoints {

    static final String PATH = "/api/v2/infrastructureascode/jobs";

    private static final Map<String, Comparator<SandboxJob>> SORT_KEYS = Map.of(
            "id", by(j -> j.id),
            "dateSubmitted", Comparator.<SandboxJob, Instant>comparing(j -> j.submittedAt).thenComparingLong(j -> j.sequence),
            "submittedBy", by(j -> j.submittedBy),
            "acceleratorId", by(j -> j.acceleratorId),
            "status", Comparator.comparingLong(j -> j.sequence)); // replaced per request: status depends on now

    private final JobStore genesys;

    JobEndpoints(JobStore genesys) {
        this.genesys = genesys;
    }

    void submit(SandboxRequest request) throws IOException {
        String clientId = genesys.authorize(request);
        JsonNode body = request.bodyJson();
        if (!body.isObject()) {
            throw ApiError.badRequest("Request body must be an AcceleratorInput JSON object");
        }
        JsonNode idNode = body.get("acceleratorId");
        if (idNode == null || idNode.isNull() || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw ApiError.badRequest("acceleratorId is required and must be a string");
        }
        String acceleratorId = idNode.asText();
        Accelerator accelerator = genesys.catalogue().find(acceleratorId)
                .orElseThrow(() -> ApiError.badRequest("acceleratorId '" + acceleratorId + "' does not match any accelerator"));
        JsonNode dryRunNode = body.get("dryRun");
        if (dryRunNode != null && !dryRunNode.isNull() && !dryRunNode.isBoolean()) {
            throw ApiError.badRequest("dryRun must be a boolean, got " + dryRunNode);
        }
        boolean dryRun = dryRunNode != null && dryRunNode.asBoolean(false);
        Map<String, String> parameters = ParameterValidator.validate(accelerator, body.get("parameters"));

        genesys.counters().recordSubmission(acceleratorId);
        SandboxJob job = genesys.createJob(accelerator, parameters, dryRun, clientId);
        if (genesys.faults().shouldDropSubmitResponse()) {
            request.dropConnection();
            return;
        }
        int hold = genesys.takeAnswerHold();
        if (hold > 0) {
            try {
                Thread.sleep(hold * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Instant now = genesys.now();
        request.respondStreaming(200, g -> JobJson.write(g, job, job.statusAt(now), false, false));
    }

    void get(SandboxRequest request) throws IOException {
        genesys.authorize(request);
        boolean details = request.queryBoolean("details", false);
        String jobId = request.pathVariable("jobId");
        SandboxJob job = genesys.findJob(jobId)
                .orElseThrow(() -> ApiError.notFound("Infrastructure as code job '" + jobId + "' not found"));
        JobStatus status = job.statusAt(genesys.now());
        request.respondStreaming(200, g -> JobJson.write(g, job, status, details, details));
    }

    void history(SandboxRequest request) throws IOException {
        genesys.authorize(request);
        int maxResults = request.queryInt("maxResults", 1, 1, 10_000);
        boolean includeErrors = request.queryBoolean("includeErrors", false);
        String sortBy = orDefault(request.query("sortBy"), "dateSubmitted");
        String sortOrder = orDefault(request.query("sortOrder"), "desc");
        if (!sortOrder.equalsIgnoreCase("asc") && !sortOrder.equalsIgnoreCase("desc")) {
            throw ApiError.badRequest("Query parameter 'sortOrder' must be asc or desc, got '" + sortOrder + "'");
        }
        Comparator<SandboxJob> order = SORT_KEYS.get(sortBy);
        if (order == null) {
            throw ApiError.badRequest("Query parameter 'sortBy' must be one of " + SORT_KEYS.keySet().stream().sorted().toList()
                    + ", got '" + sortBy + "'");
        }
        String statusFilter = request.query("status");
        JobStatus wantedStatus = statusFilter == null || statusFilter.isEmpty() ? null
                : JobStatus.fromWire(statusFilter).orElseThrow(() -> ApiError.badRequest(
                        "Query parameter 'status' must be one of Created, Queued, Running, Complete, Failed, Incomplete, got '"
                                + statusFilter + "'"));
        String acceleratorId = request.query("acceleratorId");
        String submittedBy = request.query("submittedBy");

        Instant now = genesys.now();
        Map<SandboxJob, JobStatus> statuses = new LinkedHashMap<>();
        for (SandboxJob job : genesys.allJobs()) {
            JobStatus status = job.statusAt(now);
            if ((wantedStatus == null || status == wantedStatus)
                    && (acceleratorId == null || acceleratorId.isEmpty() || job.acceleratorId.equals(acceleratorId))
                    && (submittedBy == null || submittedBy.isEmpty() || job.submittedBy.equals(submittedBy))) {
                statuses.put(job, status);
            }
        }
        if (sortBy.equals("status")) {
            order = Comparator.<SandboxJob, Integer>comparing(j -> statuses.get(j).ordinal()).thenComparingLong(j -> j.sequence);
        }
        if (sortOrder.equalsIgnoreCase("desc")) {
            order = order.reversed();
        }
        List<SandboxJob> matches = statuses.keySet().stream().sorted(order).limit(maxResults).toList();
        int total = statuses.size();
        HistoryShape shape = genesys.historyShape();
        request.respondStreaming(200, g -> {
            switch (shape) {
                case SINGLE -> {
                    if (matches.isEmpty()) {
                        g.writeStartObject();
                        g.writeEndObject();
                    } else {
                        JobJson.write(g, matches.get(0), statuses.get(matches.get(0)), includeErrors, false);
                    }
                }
                case ARRAY -> {
                    g.writeStartArray();
                    for (SandboxJob job : matches) {
                        JobJson.write(g, job, statuses.get(job), includeErrors, false);
                    }
                    g.writeEndArray();
                }
                default -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("entities");
                    for (SandboxJob job : matches) {
                        JobJson.write(g, job, statuses.get(job), includeErrors, false);
                    }
                    g.writeEndArray();
                    g.writeNumberField("pageSize", maxResults);
                    g.writeNumberField("total", total);
                    g.writeEndObject();
                }
            }
        });
    }

    private static Comparator<SandboxJob> by(Function<SandboxJob, String> key) {
        return Comparator.comparing(key).thenComparingLong(j -> j.sequence);
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
