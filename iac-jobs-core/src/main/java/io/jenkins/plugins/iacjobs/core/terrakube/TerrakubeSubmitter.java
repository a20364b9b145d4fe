package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creates a job exactly once. Creating is not idempotent, so when the answer is lost the workspace's job list
 * ({@code sort=-id}) is searched for a job of the same template or command created since just before we sent
 * (Terrakube dates have minute precision, hence the margin) before anything is sent again: one match is adopted,
 * several are an error that lists them, none allows one resend.
 */
final class TerrakubeSubmitter {
    /** Tolerance for a remote clock behind ours, on top of the minute the dates are truncated to. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final Clock clock;

    TerrakubeSubmitter(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /**
     * @param create      sends the create request
     * @param list        the workspace's jobs, newest first
     * @param sameRequest whether a listed job is one this request would have created
     */
    TerrakubeJob submit(Supplier<TerrakubeJob> create, Supplier<List<TerrakubeJob>> list, Predicate<TerrakubeJob> sameRequest,
                        Consumer<String> log) {
        Instant sentAt = clock.instant();
        try {
            return create.get();
        } catch (OutcomeUnknownException lost) {
            log.accept("The answer to the job creation was lost (" + lost.getMessage()
                    + "). Looking the job up in the workspace's job list before deciding anything.");
            List<TerrakubeJob> found = lookUp(list, sameRequest, sentAt);
            if (found.size() == 1) {
                log.accept("Found job " + found.get(0).id() + ": it was created; not creating it again.");
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new OutcomeUnknownException("The answer to the job creation was lost and the workspace shows "
                        + found.size() + " matching new jobs (" + ids(found) + "); not creating another. Check them in"
                        + " Terrakube and pass the right one as jobId");
            }
            log.accept("No such job in the workspace: the request did not arrive. Creating it once more.");
            Instant resentAt = clock.instant();
            try {
                return create.get();
            } catch (OutcomeUnknownException lostAgain) {
                List<TerrakubeJob> again = lookUp(list, sameRequest, resentAt);
                if (again.size() == 1) {
                    log.accept("Found job " + again.get(0).id() + " after the second attempt.");
                    return again.get(0);
                }
                throw new OutcomeUnknownException("The answer to the job creation was lost twice and the workspace shows "
                        + again.size() + " matching new jobs" + (again.isEmpty() ? "" : " (" + ids(again) + ")")
                        + "; not creating a third. Check the workspace's runs in Terrakube");
            }
        }
    }

    private static List<TerrakubeJob> lookUp(Supplier<List<TerrakubeJob>> list, Predicate<TerrakubeJob> sameRequest, Instant sentAt) {
        Instant since = sentAt.truncatedTo(ChronoUnit.MINUTES).minus(CLOCK_SKEW);
        return list.get().stream()
                .filter(sameRequest)
                .filter(j -> j.createdDate() != null && !j.createdDate().isBefore(since))
                .toList();
    }

    private static String ids(List<TerrakubeJob> jobs) {
        return jobs.stream().map(TerrakubeJob::id).collect(Collectors.joining(", "));
    }
}
