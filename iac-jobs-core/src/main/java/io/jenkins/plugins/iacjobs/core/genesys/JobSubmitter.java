package io.jenkins.plugins.iacjobs.core.genesys;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorInput;
import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Submits a job exactly once. Submitting is not idempotent, so when the answer is lost the job history is
 * searched before anything is sent again: same accelerator, same submitter, same plan-only flag, submitted
 * between just before we sent and just after the answer broke off, in the remote's clock as its {@code Date}
 * header shows it. One match is adopted, several are an error that lists them, none allows one resend.
 *
 * <p>Genesys jobs carry nothing of what was sent (no parameters, no marker we could add), so a job in that window
 * is only known to be ours when nothing else of ours could have made it: jobs this connection already submitted or
 * adopted are never candidates, and while another submission of the same accelerator and flag is in flight here,
 * the lookup waits for it to settle; if it does not, the submission fails as lost with the candidates listed,
 * rather than guess. (Another process using the same OAuth client within the same two seconds cannot be told
 * apart; docs/security.md says so.)
 */
final class JobSubmitter {
    /**
     * How far around our send a remote timestamp may lie: the {@code Date} header that calibrates the remote
     * clock has one-second precision. Without any calibration, a wide window is the only option.
     */
    private static final Duration CALIBRATED_MARGIN = Duration.ofSeconds(2);
    private static final Duration UNCALIBRATED_MARGIN = Duration.ofMinutes(2);
    /** How long a lost submission waits for others of the same accelerator to settle before it gives up. */
    static final Duration SETTLE_WAIT = Duration.ofSeconds(15);
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
    /** When each unsettled submission was sent, by accelerator and plan-only flag; guarded by itself. */
    private final Map<String, List<Instant>> inFlight = new HashMap<>();
    private final Duration settleWait;

    JobSubmitter(GenesysClient client, SubmitterMemory submitter, Clock clock) {
        this(client, submitter, clock, SETTLE_WAIT);
    }

    JobSubmitter(GenesysClient client, SubmitterMemory submitter, Clock clock, Duration settleWait) {
        this.client = client;
        this.submitter = submitter;
        this.clock = clock;
        this.settleWait = settleWait;
    }

    /**
     * @param deadline past which nothing is sent (null: none). The history is still read after a lost answer, even
     *                 past it, so a job that was created is always reported.
     */
    InfrastructureascodeJob submit(AcceleratorInput input, @CheckForNull Instant deadline, Consumer<String> log) {
        String key = input.acceleratorId() + "|" + input.dryRun();
        Instant sentAt = clock.instant();
        enter(key, sentAt);
        try {
            return submitOnce(input, client.withDeadline(deadline), key, sentAt, log);
        } finally {
            leave(key, sentAt);
        }
    }

    private InfrastructureascodeJob submitOnce(AcceleratorInput input, GenesysClient sender, String key, Instant sentAt,
                                               Consumer<String> log) {
        try {
            return remember(sender.submitJob(input));
        } catch (OutcomeUnknownException lost) {
            log.accept("The answer to the submission was lost (" + lost.getMessage() + "). Looking the job up in the history before deciding anything.");
            List<InfrastructureascodeJob> found = lookUpSettled(input, key, sentAt, sentAt, clock.instant());
            if (found.size() == 1) {
                log.accept("Found job " + found.get(0).id() + " in the history: it was created; not submitting again.");
                return remember(found.get(0));
            }
            if (!found.isEmpty()) {
                throw ambiguous(found);
            }
            log.accept("No such job in the history: the submission did not arrive. Submitting once more.");
            Instant resentAt = clock.instant();
            try {
                return remember(sender.submitJob(input));
            } catch (OutcomeUnknownException lostAgain) {
                List<InfrastructureascodeJob> again = lookUpSettled(input, key, sentAt, resentAt, clock.instant());
                if (again.size() == 1) {
                    log.accept("Found job " + again.get(0).id() + " in the history after the second attempt.");
                    return remember(again.get(0));
                }
                throw new OutcomeUnknownException("The answer to the submission was lost twice and the history shows "
                        + again.size() + " matching jobs" + ids(again) + "; not submitting a third time. Check the accelerator's jobs"
                        + " in Genesys Cloud, and pass the right one as jobId");
            }
        }
    }

    /**
     * The history's candidates once no other submission of ours could have made them. If others stay in flight,
     * any candidate may be theirs: that is an error listing the candidates, never a guess.
     */
    private List<InfrastructureascodeJob> lookUpSettled(AcceleratorInput input, String key, Instant self, Instant sentAt,
                                                        Instant lostAt) {
        boolean settled = awaitEarlierSettled(key, self, lostAt.plus(CALIBRATED_MARGIN));
        List<InfrastructureascodeJob> found = lookUp(input, sentAt, lostAt);
        if (!settled && !found.isEmpty()) {
            throw new OutcomeUnknownException("The answer to the submission was lost while other submissions of the same"
                    + " accelerator were in flight, so the history's " + found.size() + " matching job(s)" + ids(found)
                    + " may be theirs; not guessing and not submitting again. Check them in Genesys Cloud and pass the right"
                    + " one as jobId");
        }
        return found;
    }

    /**
     * The job a submission made when its answer never arrived (the controller restarted meanwhile), if the history
     * shows exactly one; see {@link #submit}.
     */
    Optional<InfrastructureascodeJob> find(AcceleratorInput input, Instant sentAt) {
        List<InfrastructureascodeJob> found = lookUp(input, sentAt, null);
        if (found.size() > 1) {
            throw ambiguous(found);
        }
        return found.stream().findFirst().map(this::remember);
    }

    /** Candidates submitted from just before {@code sentAt} to just after {@code lostAt} (null: up to now). */
    private List<InfrastructureascodeJob> lookUp(AcceleratorInput input, Instant sentAt, @CheckForNull Instant lostAt) {
        boolean calibrated = client.serverClock().toRemote(sentAt).isPresent();
        Duration margin = calibrated ? CALIBRATED_MARGIN : UNCALIBRATED_MARGIN;
        Instant since = client.serverClock().toRemote(sentAt).orElse(sentAt).minus(margin);
        Instant until = lostAt == null ? null : client.serverClock().toRemote(lostAt).orElse(lostAt).plus(margin);
        JobHistoryQuery q = JobHistoryQuery.forAccelerator(input.acceleratorId(), HISTORY_DEPTH).bySubmitter(submitter.userId());
        return client.jobHistory(q).jobs().stream()
                .filter(j -> JobIds.isUuid(j.id()))
                .filter(j -> input.acceleratorId().equals(j.acceleratorId()) || j.acceleratorId() == null)
                .filter(j -> j.dryRun() == null || j.planOnly() == input.dryRun())
                .filter(j -> submittedWithin(j, since, until))
                .filter(j -> !known.contains(j.id()))
                .toList();
    }

    private static boolean submittedWithin(InfrastructureascodeJob j, Instant since, Instant until) {
        if (j.dateSubmitted() == null) {
            return false;
        }
        try {
            Instant at = OffsetDateTime.parse(j.dateSubmitted()).toInstant();
            return !at.isBefore(since) && (until == null || !at.isAfter(until));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static OutcomeUnknownException ambiguous(List<InfrastructureascodeJob> found) {
        return new OutcomeUnknownException("The answer to the submission was lost and the history shows " + found.size()
                + " jobs that may be it" + ids(found) + "; not guessing and not submitting again. Check them in Genesys Cloud"
                + " and pass the right one as jobId");
    }

    private static String ids(List<InfrastructureascodeJob> jobs) {
        return jobs.isEmpty() ? "" : " (" + jobs.stream().map(j -> Printable.of(j.id())).collect(Collectors.joining(", ")) + ")";
    }

    private void enter(String key, Instant sentAt) {
        synchronized (inFlight) {
            inFlight.computeIfAbsent(key, k -> new ArrayList<>()).add(sentAt);
        }
    }

    private void leave(String key, Instant sentAt) {
        synchronized (inFlight) {
            List<Instant> sent = inFlight.get(key);
            sent.remove(sentAt);
            if (sent.isEmpty()) {
                inFlight.remove(key);
            }
            inFlight.notifyAll();
        }
    }

    /**
     * Waits, bounded, until no other submission of this kind sent before {@code until} is unsettled (one sent
     * later cannot have made a job inside our window); returns whether that happened.
     */
    private boolean awaitEarlierSettled(String key, Instant self, Instant until) {
        long deadline = System.nanoTime() + settleWait.toNanos();
        synchronized (inFlight) {
            while (othersSentBefore(key, self, until)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    inFlight.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private boolean othersSentBefore(String key, Instant self, Instant until) {
        List<Instant> sent = inFlight.getOrDefault(key, List.of());
        int mine = 1;
        for (Instant at : sent) {
            if (at.equals(self) && mine-- > 0) {
                continue;
            }
            if (!at.isAfter(until)) {
                return true;
            }
        }
        return false;
    }

    private InfrastructureascodeJob remember(InfrastructureascodeJob job) {
        submitter.learn(job);
        known.add(job.id());
        return job;
    }
}
