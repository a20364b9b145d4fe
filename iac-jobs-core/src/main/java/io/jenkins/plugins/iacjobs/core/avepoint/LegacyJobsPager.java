package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.ApiRequest;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * Reads the legacy {@code POST /api/OpenApi/GetJobs} (shared/seeds/avepoint-dynamics365-getjobs.md). Its body names
 * the window's end {@code endTime}, not {@code finishTime}, and pages with {@code pageInfo.currentPage}. The
 * response is documented only as "200 OK and a collection of jobs", so the rows are taken from a top-level array
 * or from {@code jobs}, {@code data}, {@code items} or {@code result}, optionally inside a {@code data} object.
 * It is a query, so it is retried like a GET.
 */
final class LegacyJobsPager {
    static final String PATH = "api/OpenApi/GetJobs";
    private static final int MAX_PAGES = 1_000_000;
    private static final String[] ROW_FIELDS = {"jobs", "data", "items", "result", "results"};

    private final RestClient rest;
    private final HttpUrl url;

    LegacyJobsPager(RestClient rest, AvePointEndpoints endpoints) {
        this.rest = rest;
        this.url = endpoints.api(PATH);
    }

    void read(JobQuery q, PageTally tally) {
        long read = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            String operation = "read Dynamics 365 backup jobs with the legacy GetJobs (page " + page + ")";
            RequestBody body = RequestBody.create(body(q, page).toString(), ApiRequest.JSON);
            JsonNode response = rest.sendTree(new ApiRequest(operation, "POST", url, body, true, Map.of()),
                    "a collection of jobs");
            JsonNode envelope = response.isObject() && response.path("data").isObject() ? response.get("data") : response;
            JsonNode rows = rows(envelope);
            if (rows == null) {
                throw new MalformedResponseException(rest.system(), operation, "a collection of jobs (an array, or an object with jobs)",
                        200, null, Excerpts.of(response.toString()));
            }
            JsonNode total = envelope.has("totalCount") ? envelope.get("totalCount") : envelope.get("total");
            tally.serverTotal(total);
            int n = tally.accept(rows, rest.system(), operation);
            read += n;
            long expected = total != null && total.canConvertToLong() ? total.asLong() : -1;
            if (n == 0 || n < q.pageSize() || (expected >= 0 && read >= expected)) {
                return;
            }
        }
    }

    /** One request for one row: the server's total, or -1 when it sends none. */
    long count(JobQuery q) {
        ObjectNode b = body(q, 1);
        ((ObjectNode) b.get("pageInfo")).put("pageSize", 1);
        JsonNode response = rest.sendTree(new ApiRequest("count Dynamics 365 backup jobs with the legacy GetJobs", "POST", url,
                RequestBody.create(b.toString(), ApiRequest.JSON), true, Map.of()), "a collection of jobs");
        JsonNode envelope = response.isObject() && response.path("data").isObject() ? response.get("data") : response;
        JsonNode total = envelope.has("totalCount") ? envelope.get("totalCount") : envelope.get("total");
        return total != null && total.canConvertToLong() ? total.asLong() : -1;
    }

    private ObjectNode body(JobQuery q, int page) {
        ObjectNode b = rest.json().createObjectNode();
        ObjectNode pageInfo = b.putObject("pageInfo");
        pageInfo.put("currentPage", page);
        pageInfo.put("pageSize", q.pageSize());
        b.put("type", q.type().code());
        b.put("startTime", CurrentJobsPager.iso(q.startTime()));
        b.put("endTime", CurrentJobsPager.iso(q.finishTime()));
        JobStatus status = q.status();
        if (status != null) {
            b.put("status", status.code());
        }
        String organizationId = q.organizationId();
        if (organizationId != null) {
            b.put("organizationId", organizationId);
        }
        return b;
    }

    @CheckForNull
    private static JsonNode rows(JsonNode envelope) {
        if (envelope.isArray()) {
            return envelope;
        }
        for (String f : ROW_FIELDS) {
            if (envelope.path(f).isArray()) {
                return envelope.get(f);
            }
        }
        return null;
    }
}
