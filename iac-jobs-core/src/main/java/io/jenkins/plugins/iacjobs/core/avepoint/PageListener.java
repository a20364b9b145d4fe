package io.jenkins.plugins.iacjobs.core.avepoint;

/** Told after each page, for progress lines in a build log or terminal. */
@FunctionalInterface
public interface PageListener {
    PageListener NONE = (page, jobs, serverTotal) -> { };

    /**
     * @param page        pages read so far
     * @param jobs        jobs passed on so far
     * @param serverTotal the server's {@code totalCount}, or -1
     */
    void onPage(int page, long jobs, long serverTotal);
}
