package io.jenkins.plugins.iacjobs.checks;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;

/**
 * One run's check as this plugin states it, free of Checks API types so that everything but {@link
 * ChecksApiPublisher} loads without that plugin.
 *
 * @param name        {@code IaC plan: Simple IVR}
 * @param completed   false while the job runs
 * @param conclusion  how it ended; {@link Conclusion#NONE} while it runs
 * @param title       the counts ({@code +3 ~0 -1}, {@code No changes}), or what is happening
 * @param summary     Markdown: the headline, the first resources, links
 * @param text        Markdown: the plan, cut to {@link PlanChecks#MAX_TEXT} chars; or null
 * @param detailsUrl  the build's page, or null when Jenkins' URL is not configured
 */
public record PlanCheck(String name, boolean completed, Conclusion conclusion, String title, String summary,
                        @CheckForNull String text, @CheckForNull String detailsUrl, Instant startedAt,
                        @CheckForNull Instant completedAt) {

    /** How a check ended, as GitHub's check runs name it. */
    public enum Conclusion { NONE, SUCCESS, NEUTRAL, FAILURE, CANCELED, TIME_OUT, ACTION_REQUIRED }
}
