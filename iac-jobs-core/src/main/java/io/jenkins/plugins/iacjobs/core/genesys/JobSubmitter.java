package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorInput;
import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Submits a job exactly once. Submitting is not idempotent, so when the answer is lost the job history is
 * searched (same accelerator, same submitter, same plan-only flag, submitted since just before we sent) before
 * anything is sent again: one match is adopted, several are an error that lists them, none allows one resend.
 * Jobs this connection already submitted or adopted are never candidates, so a pipeline that runs the same
 * accelerator again and again does not adopt its previous job.
 */
final class JobSubmitter {
    /** Tolerance for a remote clock that runs behind ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final int HISTORY_DEPTH = 25;
    private static final int KNOWN_JOBS = 10_000;

    private final GenesysClient client;
    private final SubmitterMemory submitter;
    private final Clock clock;
    private final Set<String> known = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KNOWN_JOBS;
        }
    }));

    JobSubmitter(GenesysClient client, SubmitterMemory submitter, Clock clock) {
        this.client = client;
        this.submitter = submitter;
        this.clock = clock;
    }

    InfrastructureascodeJob submit(AcceleratorInput input, Consumer<String> log) {
        Instant sentAt = clock.instant();
        try {
            return remember(client.submitJob(input));
        } catch (OutcomeUnknownException lost) {
            log.accept("The answer to the submission was lost (" + lost.getMessage() + "). Looking the job up in the history before deciding anything.");
            List<InfrastructureascodeJob> found = lookUp(input, sentAt);
            if (found.size() == 1) {
                log.accept("Found job " + found.get(0).id() + " in the history: it was created; not submitting again.");
                return remember(found.get(0));
            }
            if (found.size() > 1) {
                throw new OutcomeUnknownException("The answer to the submission was lost and the history shows "
                        + found.size() + " matching jobs (" + found.stream().map(InfrastructureascodeJob::id).collect(Collectors.joining(", "))
                        + "); not submitting again. Check them in Genesys Cloud and pass the right one as jobId");
            }
            log.accept("No such job in the history: the submission did not arrive. Submitting once more.");
            Instant resentAt = clock.instant();
            try {
                return remember(client.submitJob(input));
            } catch (OutcomeUnknownException lostAgain) {
                List<InfrastructureascodeJob> again = lookUp(input, resentAt);
                if (again.size() == 1) {
                    log.accept("Found job " + again.get(0).id() + " in the history after the second attempt.");
                    return remember(again.get(0));
                }
                throw new OutcomeUnknownException("The answer to the submission was lost twice and the history shows "
                        + again.size() + " matching jobs; not submitting a third time. Check the accelerator's jobs in Genesys Cloud");
            }
        }
    }

    private List<InfrastructureascodeJob> lookUp(AcceleratorInput input, Instant sentAt) {
        Instant since = sentAt.minus(CLOCK_SKEW);
        JobHistoryQuery q = JobHistoryQuery.forAccelerator(input.acceleratorId(), HISTORY_DEPTH).bySubmitter(submitter.userId());
        return client.jobHistory(q).jobs().stream()
                .filter(j -> input.acceleratorId().equals(j.acceleratorId()) || j.acceleratorId() == null)
                .filter(j -> j.dryRun() == null || j.planOnly() == input.dryRun())
                .filter(j -> submittedAfter(j, since))
                .filter(j -> !known.contains(j.id()))
                .toList();
    }

    private static boolean submittedAfter(InfrastructureascodeJob j, Instant since) {
        if (j.dateSubmitted() == null) {
            return false;
        }
        try {
            return !OffsetDateTime.parse(j.dateSubmitted()).toInstant().isBefore(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private InfrastructureascodeJob remember(InfrastructureascodeJob job) {
        submitter.learn(job);
        known.add(job.id());
        return job;
    }
}
