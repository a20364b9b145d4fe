package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /dynamicsbackup/jobs} and the legacy {@code POST /api/OpenApi/GetJobs}. Paging is as documented:
 * {@code pageIndex} from 1 (default 1), {@code pageSize} (default 10), and a relative {@code nextLink} of the
 * documented form {@code /jobs?pageIndex=2&pageSize=...} until the last page. Page sizes above
 * {@link #MAX_PAGE_SIZE} are cut down without a word, as servers do; the envelope says what was used.
 */
final class JobsEndpoints {
    static final String CURRENT_PATH = "/dynamicsbackup/jobs";
    static final String LEGACY_PATH = "/api/OpenApi/GetJobs";
    static final int MAX_PAGE_SIZE = 200;

    private final JobSource sandbox;

    JobsEndpoints(JobSource sandbox) {
        this.sandbox = sandbox;
    }

    void current(SandboxRequest request) throws IOException {
        sandbox.authorize(request);
        JobFilter filter = JobFilter.of(request.query("type"), request.query("startTime"), request.query("finishTime"),
                request.query("status"), request.query("organizationId"), "finishTime");
        int pageIndex = request.queryInt("pageIndex", 1, 1, Integer.MAX_VALUE);
        int pageSize = Math.min(MAX_PAGE_SIZE, request.queryInt("pageSize", 10, 1, Integer.MAX_VALUE));
        List<D365Job> matching = sandbox.matching(filter);
        ObjectNode body = page(matching, pageIndex, pageSize);
        long from = (long) (pageIndex - 1) * pageSize;
        if (from + pageSize < matching.size()) {
            body.put("nextLink", nextLink(request, pageIndex + 1, pageSize));
        } else {
            body.putNull("nextLink");
        }
        body.put("pageIndex", pageIndex);
        body.put("pageSize", pageSize);
        request.respondJson(200, body);
        sandbox.afterPage(filter);
    }

    void legacy(SandboxRequest request) throws IOException {
        sandbox.authorize(request);
        JsonNode in = request.bodyJson();
        JsonNode pageInfo = in.path("pageInfo");
        int currentPage = pageInfo.path("currentPage").asInt(1);
        int pageSize = Math.min(MAX_PAGE_SIZE, pageInfo.path("pageSize").asInt(10));
        if (currentPage < 1 || pageSize < 1) {
            throw ApiError.badRequest("pageInfo.currentPage and pageInfo.pageSize must be at least 1");
        }
        if (in.has("finishTime") && !in.has("endTime")) {
            throw ApiError.badRequest("the legacy GetJobs filter names the window end endTime, not finishTime");
        }
        JobFilter filter = JobFilter.of(text(in.get("type"), "0"), text(in.get("startTime"), null), text(in.get("endTime"), null),
                text(in.get("status"), null), text(in.get("organizationId"), null), "endTime");
        ObjectNode body = page(sandbox.matching(filter), currentPage, pageSize);
        request.respondJson(200, body);
        sandbox.afterPage(filter);
    }

    private ObjectNode page(List<D365Job> matching, int pageIndex, int pageSize) {
        ObjectNode body = Json.object();
        body.put("totalCount", matching.size());
        ArrayNode rows = body.putArray("jobs");
        long from = (long) (pageIndex - 1) * pageSize;
        Instant now = sandbox.now();
        for (long i = from; i < Math.min(matching.size(), from + pageSize); i++) {
            rows.add(matching.get((int) i).toJson(now));
        }
        return body;
    }

    /** The documented relative form: {@code /jobs?pageIndex=2&pageSize=5&...} with the request's filters. */
    private static String nextLink(SandboxRequest request, int pageIndex, int pageSize) {
        StringBuilder b = new StringBuilder("/jobs?pageIndex=").append(pageIndex).append("&pageSize=").append(pageSize);
        for (String name : new String[] {"type", "status", "startTime", "finishTime", "organizationId"}) {
            String v = request.query(name);
            if (v != null) {
                b.append('&').append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    private static String text(JsonNode n, String fallback) {
        return n == null || n.isNull() ? fallback : n.asText();
    }
}
