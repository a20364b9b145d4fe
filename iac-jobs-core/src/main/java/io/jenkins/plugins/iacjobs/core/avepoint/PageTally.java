package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hands one page's jobs to the sink and keeps the read's statistics. Offset paging repeats a job when new jobs
 * arrive between two page requests, so ids of the previous page are remembered and a repeat is passed on once;
 * memory stays bounded by two pages however many jobs there are.
 */
final class PageTally {
    private final JobQuery query;
    private final JobSink sink;
    private final ObjectMapper json;
    private final PageListener listener;
    private Set<String> previousPage = Set.of();
    private long jobs;
    private int pages;
    private long duplicates;
    private long filteredOut;
    private static final int MAX_OTHERS = 100;
    /** Organisation names the name filter left out, so a misspelt name can be answered with the real ones. */
    private final Set<String> otherOrganisations = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private long serverTotal = -1;

    PageTally(JobQuery query, JobSink sink, ObjectMapper json, PageListener listener) {
        this.query = query;
        this.sink = sink;
        this.json = json;
        this.listener = listener;
    }

    /** @return how many rows the page held, duplicates included */
    int accept(JsonNode rows, String system, String operation) {
        pages++;
        Set<String> thisPage = new HashSet<>();
        for (JsonNode raw : rows) {
            BackupJob job;
            try {
                job = json.treeToValue(raw, BackupJob.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new MalformedResponseException(system, operation, "jobs as documented (jobId, status, type, ...)", 200, null,
                        Excerpts.of(raw.toString()));
            }
            String id = job.jobId();
            if (id != null && (previousPage.contains(id) || !thisPage.add(id))) {
                duplicates++;
                continue;
            }
            if (!query.matchesLocally(job)) {
                filteredOut++;
                if (job.organizationName() != null && otherOrganisations.size() < MAX_OTHERS) {
                    otherOrganisations.add(job.organizationName());
                }
                continue;
            }
            try {
                sink.accept(job, raw);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write job " + id + ": " + e.getMessage(), e);
            }
            jobs++;
        }
        previousPage = thisPage;
        listener.onPage(pages, jobs, serverTotal);
        return rows.size();
    }

    void serverTotal(@CheckForNull JsonNode total) {
        if (serverTotal < 0 && total != null && total.canConvertToLong()) {
            serverTotal = total.asLong();
        }
    }

    int pages() {
        return pages;
    }

    ReadStats stats() {
        return new ReadStats(jobs, pages, duplicates, filteredOut, serverTotal, List.copyOf(otherOrganisations));
    }
}
