package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.core.http.ApiRequest;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import okhttp3.HttpUrl;

/**
 * Reads {@code GET /dynamicsbackup/jobs} page by page. The documented {@code nextLink} is relative and names a
 * different path ({@code /jobs?pageIndex=2...}), so only its query is taken: its parameters override ours on the
 * one jobs URL. That also means a next link can never send the token to another host. Without a next link, a
 * full page below {@code totalCount} is followed by the next page index.
 */
final class CurrentJobsPager {
    static final String PATH = "dynamicsbackup/jobs";
    private static final int MAX_PAGES = 1_000_000;

    private final RestClient rest;
    private final HttpUrl jobsUrl;

    CurrentJobsPager(RestClient rest, AvePointEndpoints endpoints) {
        this.rest = rest;
        this.jobsUrl = endpoints.api(PATH);
    }

    void read(JobQuery q, PageTally tally) {
        HttpUrl url = firstPage(q);
        long read = 0;
        int index = 1;
        while (tally.pages() < MAX_PAGES) {
            String operation = "read Dynamics 365 backup jobs (page " + index + ")";
            JsonNode page = rest.sendTree(ApiRequest.get(operation, url), "a page of jobs {totalCount, jobs, nextLink}");
            JsonNode rows = page.path("jobs");
            if (!page.isObject() || !(rows.isArray() || rows.isMissingNode() || rows.isNull())) {
                throw new MalformedResponseException(rest.system(), operation, "an object with a jobs array", 200, null,
                        Excerpts.of(page.toString()));
            }
            tally.serverTotal(page.get("totalCount"));
            int n = rows.isArray() ? tally.accept(rows, rest.system(), operation) : 0;
            read += n;
            if (n == 0) {
                return;
            }
            String nextLink = page.path("nextLink").asText("");
            int next;
            if (!nextLink.isBlank()) {
                url = follow(url, nextLink);
                String p = url.queryParameter("pageIndex");
                next = p == null ? index + 1 : parseIndex(p, operation, nextLink);
                if (p == null) {
                    url = url.newBuilder().setQueryParameter("pageIndex", String.valueOf(next)).build();
                }
                if (next <= index) {
                    throw new MalformedResponseException(rest.system(), operation, "a nextLink to a later page", 200, null,
                            "nextLink " + nextLink + " points back to page " + next);
                }
            } else {
                long total = page.path("totalCount").asLong(-1);
                int size = page.path("pageSize").asInt(q.pageSize());
                if (total < 0 ? n < size : read >= total || n < size) {
                    return;
                }
                next = index + 1;
                url = url.newBuilder().setQueryParameter("pageIndex", String.valueOf(next)).build();
            }
            index = next;
        }
    }

    /** One request for one row: the server's {@code totalCount}, or -1 when it sends none. */
    long count(JobQuery q) {
        HttpUrl url = firstPage(q).newBuilder().setQueryParameter("pageSize", "1").build();
        return rest.sendTree(ApiRequest.get("count Dynamics 365 backup jobs", url), "a page of jobs {totalCount, jobs, nextLink}")
                .path("totalCount").asLong(-1);
    }

    private HttpUrl firstPage(JobQuery q) {
        HttpUrl.Builder u = jobsUrl.newBuilder()
                .addQueryParameter("type", String.valueOf(q.type().code()))
                .addQueryParameter("startTime", iso(q.startTime()))
                .addQueryParameter("finishTime", iso(q.finishTime()));
        JobStatus status = q.status();
        if (status != null) {
            u.addQueryParameter("status", String.valueOf(status.code()));
        }
        String organizationId = q.organizationId();
        if (organizationId != null) {
            u.addQueryParameter("organizationId", organizationId);
        }
        return u.addQueryParameter("pageIndex", "1").addQueryParameter("pageSize", String.valueOf(q.pageSize())).build();
    }

    /** Our jobs URL with the next link's query parameters laid over the current ones. */
    private HttpUrl follow(HttpUrl current, String nextLink) {
        int q = nextLink.indexOf('?');
        if (q < 0) {
            return current;
        }
        HttpUrl parsed = HttpUrl.get("http://next.invalid/" + "?" + nextLink.substring(q + 1));
        HttpUrl.Builder b = current.newBuilder();
        for (String name : parsed.queryParameterNames()) {
            String value = parsed.queryParameter(name);
            if (value != null) {
                b.setQueryParameter(name, value);
            }
        }
        return b.build();
    }

    private int parseIndex(String value, String operation, String nextLink) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new MalformedResponseException(rest.system(), operation, "a nextLink with a numeric pageIndex", 200, null,
                    "nextLink " + nextLink);
        }
    }

    static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
