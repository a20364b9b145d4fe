package io.jenkins.plugins.iacjobs.core.avepoint;

import java.io.Serializable;
import java.util.List;

/**
 * How a read went.
 *
 * @param jobs              jobs handed to the sink
 * @param pages             pages fetched
 * @param duplicatesSkipped jobs sent twice across a page boundary (new jobs shifted the pages) and passed on once
 * @param filteredOut       jobs the server sent that a local filter (organisation name) left out
 * @param serverTotal       the {@code totalCount} the first page reported, or -1 when the server sent none
 * @param otherOrganisations names of organisations the local filter left out (up to 100), for "did you mean"
 */
public record ReadStats(long jobs, int pages, long duplicatesSkipped, long filteredOut, long serverTotal,
                        List<String> otherOrganisations) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ReadStats {
        otherOrganisations = otherOrganisations == null ? List.of() : List.copyOf(otherOrganisations);
    }

    public ReadStats(long jobs, int pages, long duplicatesSkipped, long filteredOut, long serverTotal) {
        this(jobs, pages, duplicatesSkipped, filteredOut, serverTotal, List.of());
    }
}
