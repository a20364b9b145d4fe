package io.jenkins.plugins.iacjobs.core.avepoint;

import java.io.Serializable;

/**
 * How a read went.
 *
 * @param jobs              jobs handed to the sink
 * @param pages             pages fetched
 * @param duplicatesSkipped jobs sent twice across a page boundary (new jobs shifted the pages) and passed on once
 * @param filteredOut       jobs the server sent that a local filter (organisation name) left out
 * @param serverTotal       the {@code totalCount} the first page reported, or -1 when the server sent none
 */
public record ReadStats(long jobs, int pages, long duplicatesSkipped, long filteredOut, long serverTotal) implements Serializable {
    private static final long serialVersionUID = 1L;
}
