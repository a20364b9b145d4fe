package io.jenkins.plugins.iacjobs.core.genesys;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.DeadlineLocks;
import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorInput;
import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.UnreachableException;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Submits a job exactly once. Submitting is not idempotent, so when the answer is lost the job history is
 * searched before anything is sent again: same accelerator, same submitter, same plan-only flag, submitted
 * between just before we sent and just after the answer broke off, in the remote's clock as its {@code Date}
 * header shows it. One match is adopted, several are an error that lists them, none allows one resend.
 *
 * <p>Genesys jobs carry nothing of what was sent (no parameters, no marker we could add), so a job in that window
 * is only known to be ours when nothing else of ours could have made it. So this connection sends <b>one submission
 * of an accelerator and plan-only flag at a time</b>: the others wait their turn (fairly, and within their
 * deadline). A lost answer then has at most one unknown job in its window, the one it made, and jobs this
 * connection already submitted or adopted are never candidates. The history is read deep enough to reach back past
 * the window however many jobs were made meanwhile; a resend happens only when that read proves the job absent.
 * (Another process using the same OAuth client within the same two seconds cannot be told apart; docs/security.md
 * says so.)
 *
 * <p>A process can die between the send and the answer (a controller's SIGKILL). So before the first send, with the
 * turn held, the caller is given a {@link SendRecord}: the window's start in the remote's clock and the jobs of ours
 * already in it; and the job once accepted, before the turn passes on. A caller that saves both durably has at most
 * one submission per turn in flight and unsaved, and a next process finds its job with {@link #find} exactly as
 * strictly as this one would have.
 */
final class JobSubmitter {
    /**
     * How far around our send a remote timestamp may lie: the {@code Date} header that calibrates the remote
     * clock has one-second precision. Without any calibration, a wide window is the only option.
     */
    private static final Duration CALIBRATED_MARGIN = Duration.ofSeconds(2);
    private static final Duration UNCALIBRATED_MARGIN = Duration.ofMinutes(2);
    /** The first history read; each further one asks for four times as many, up to {@link #HISTORY_MAX}. */
    static final int HISTORY_DEPTH = 25;
    static final int HISTORY_MAX = 10_000;
    /** Reads of the history after a lost answer while the remote struggles, with pauses doubling from the first. */
    static final int LOOKUP_ATTEMPTS = 6;
    static final Duration LOOKUP_PAUSE = Duration.ofMillis(500);
    /** Sends of one submission at most, each after the history proved the one before made no job. */
    static final int MAX_SENDS = 5;
    static final Duration RESEND_PAUSE = Duration.ofMillis(250);
    private static final int KNOWN_JOBS = 10_000;
    /** How long after the deadline a lost answer may still be looked up: the job it made must not go unreported. */
    static final Duration LOOKUP_GRACE = JobRunner.Evidence.GRACE_AFTER_TIMEOUT;

    private final GenesysClient client;
    private final SubmitterMemory submitter;
    private final Clock clock;
    /** Jobs this connection submitted or adopted, with when the remote says each was submitted (null: not said). */
    private final Map<String, Instant> known = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > KNOWN_JOBS;
        }
    });
    /** How deep the last lookup had to read; busy connections need more than {@link #HISTORY_DEPTH}. */
    private volatile int historyDepth = HISTORY_DEPTH;
    /** One submission in flight per accelerator and plan-only flag; fair, so none waits for ever. */
    private final Map<String, ReentrantLock> turns = new ConcurrentHashMap<>();

    JobSubmitter(GenesysClient client, SubmitterMemory submitter, Clock clock) {
        this.client = client;
        this.submitter = submitter;
        this.clock = clock;
    }

    /**
     * @param deadline past which nothing is sent (null: none); waiting for this submission's turn counts too. The
     *                 history is still read after a lost answer, even past it, so a job that was created is reported;
     *                 but within {@link #LOOKUP_GRACE} after it, so a struggling remote cannot hold the run for hours.
     * @param sending  told, with the turn held and before the first send, what a lookup after a crash needs
     * @param accepted given the job with the turn still held (the next submission waits until it returned); what it
     *                 returns is returned
     */
    <T> T submit(AcceleratorInput input, @CheckForNull Instant deadline, Consumer<String> log, Consumer<SendRecord> sending,
                 Function<InfrastructureascodeJob, T> accepted) {
        ReentrantLock turn = turnFor(input);
        awaitTurn(turn, deadline, log);
        try {
            SendRecord record = recordFor(clock.instant());
            sending.accept(record);
            return accepted.apply(submitOnce(input, deadline, record, log));
        } finally {
            turn.unlock();
        }
    }

    private ReentrantLock turnFor(AcceleratorInput input) {
        return turns.computeIfAbsent(input.acceleratorId() + "|" + input.dryRun(), k -> new ReentrantLock(true));
    }

    /**
     * The window a job sent now must lie in, in the remote's clock, and the jobs of ours already in it: with the turn
     * held, every job of ours made before this send is known here, so a process that dies before the answer can
     * still leave them out, as this one does.
     */
    private SendRecord recordFor(Instant sentAt) {
        Instant since = since(sentAt);
        List<String> excluded;
        synchronized (known) {
            excluded = known.entrySet().stream().filter(e -> e.getValue() == null || !e.getValue().isBefore(since))
                    .map(Map.Entry::getKey).toList();
        }
        return new SendRecord(sentAt, since, excluded, null);
    }

    /** The earliest remote time a job sent at {@code sentAt} can show: our clock read in the remote's, less a margin. */
    private Instant since(Instant sentAt) {
        Optional<Instant> remote = client.serverClock().toRemote(sentAt);
        return remote.map(t -> t.minus(CALIBRATED_MARGIN)).orElse(sentAt.minus(UNCALIBRATED_MARGIN));
    }

    private void awaitTurn(ReentrantLock turn, @CheckForNull Instant deadline, Consumer<String> log) {
        if (turn.tryLock()) {
            return;
        }
        log.accept("Waiting for this connection's other submissions of the same accelerator (" + (turn.getQueueLength() + 1)
                + " ahead): they are sent one at a time, so that a lost answer can be told apart from the others' jobs");
        DeadlineLocks.lock(turn, deadline, clock, "this connection's other submissions of the same accelerator", "nothing was sent");
    }

    private InfrastructureascodeJob submitOnce(AcceleratorInput input, @CheckForNull Instant deadline, SendRecord record,
                                               Consumer<String> log) {
        Instant sentAt = record.sentAt();
        GenesysClient sender = client.withDeadline(deadline);
        for (int send = 1; ; send++) {
            try {
                return remember(sender.submitJob(input));
            } catch (WaitTimeoutException notSent) {
                if (send == 1) {
                    throw notSent;
                }
                // The first send's answer was lost, and only this resend was not made: what the first did is not known
                throw notSentAgain(sentAt, notSent.getMessage());
            } catch (OutcomeUnknownException lost) {
                log.accept("The answer to the submission was lost (" + lost.getMessage() + "). Looking the job up in the"
                        + " history before deciding anything.");
                List<InfrastructureascodeJob> found = lookUpPatiently(input, record, lookupDeadline(deadline), log);
                if (found.size() == 1) {
                    log.accept("Found job " + found.get(0).id() + " in the history: it was created; not submitting again.");
                    return remember(found.get(0));
                }
                if (!found.isEmpty()) {
                    throw ambiguous(found);
                }
                if (send == MAX_SENDS) {
                    throw new OutcomeUnknownException("The answer to the submission was lost " + MAX_SENDS + " times, and the"
                            + " history shows that none of them made a job, so nothing was created; giving up. Try again later");
                }
                if (deadline != null && !clock.instant().isBefore(deadline)) {
                    throw notSentAgain(sentAt, lost.getMessage());
                }
                log.accept("No such job in the history, which reaches back past the submission: it did not arrive, and"
                        + " nothing was created. Submitting once more (attempt " + (send + 1) + " of " + MAX_SENDS + ").");
                pause(send); // a struggling remote gets time, and a resend does not fall into step with its faults
            }
        }
    }

    /**
     * The job a submission made when its answer never arrived (the controller restarted meanwhile), if the history
     * shows exactly one; see {@link #submit}.
     */
    Optional<InfrastructureascodeJob> find(GenesysClient reader, AcceleratorInput input, SendRecord sent) {
        // With the turn, as a send: a job this process makes meanwhile is known before the history is read.
        ReentrantLock turn = turnFor(input);
        DeadlineLocks.lock(turn, null, clock, "this connection's other submissions of the same accelerator", "nothing was read");
        try {
            List<InfrastructureascodeJob> found = lookUp(reader, input, sent);
            if (found.size() > 1) {
                throw ambiguous(found);
            }
            return found.stream().findFirst().map(this::remember);
        } finally {
            turn.unlock();
        }
    }

    /** The deadline came after a lost answer whose job the history did not show: nothing is sent again. */
    private static WaitTimeoutException notSentAgain(Instant sentAt, String why) {
        return new WaitTimeoutException("The timeout passed while submitting: the answer to the submission sent at "
                + Instants.seconds(sentAt) + " was lost, and the job history showed no job from it when read; it was not sent"
                + " again (" + why + "). A job may still appear: check the accelerator's jobs submitted in Genesys Cloud since "
                + Instants.seconds(sentAt));
    }

    /** The history could not be read after a lost answer before the deadline and its grace ran out. */
    private static OutcomeUnknownException historyNotReadInTime(Instant sentAt, String why) {
        return new OutcomeUnknownException("The answer to the submission was lost and the job history could not be read within"
                + " the timeout and its " + LOOKUP_GRACE.toSeconds() + " s grace (" + why + "), so a job may have been made:"
                + " check the accelerator's jobs submitted in Genesys Cloud since " + Instants.seconds(sentAt)
                + ", and pass the right one as jobId");
    }

    /** Until when a lost answer is looked up: the deadline (or now, if later) and the grace; null without a deadline. */
    @CheckForNull
    private Instant lookupDeadline(@CheckForNull Instant deadline) {
        if (deadline == null) {
            return null;
        }
        Instant now = clock.instant();
        return (now.isAfter(deadline) ? now : deadline).plus(LOOKUP_GRACE);
    }

    /** Before send {@code n + 1}: 250 ms doubling, with up to half again at random. */
    private static void pause(int n) {
        long base = RESEND_PAUSE.toMillis() << (n - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitAbortedException("Interrupted before sending the submission again; nothing more was sent");
        }
    }

    /**
     * The lookup after a lost answer: a job may exist that only this read can name, so a remote that is struggling
     * (5xx, unreachable) is asked again, with growing pauses, before the submission is given up as lost.
     */
    private List<InfrastructureascodeJob> lookUpPatiently(AcceleratorInput input, SendRecord record, @CheckForNull Instant until,
                                                          Consumer<String> log) {
        Instant sentAt = record.sentAt();
        GenesysClient reader = client.withDeadline(until);
        for (int attempt = 1; ; attempt++) {
            try {
                return lookUp(reader, input, record);
            } catch (WaitTimeoutException late) {
                throw historyNotReadInTime(sentAt, late.getMessage());
            } catch (RemoteApiException | UnreachableException e) {
                boolean transientError = e instanceof UnreachableException || ((RemoteApiException) e).isTransient();
                if (!transientError || attempt == LOOKUP_ATTEMPTS) {
                    throw new OutcomeUnknownException("The answer to the submission was lost and the job history could not be"
                            + " read (" + e.getMessage() + "), so a job may have been made: check the accelerator's jobs"
                            + " submitted in Genesys Cloud since " + Instants.seconds(sentAt) + ", and pass the right one as jobId");
                }
                log.accept("Could not read the job history (" + e.getMessage() + "); asking again.");
                long pause = LOOKUP_PAUSE.toMillis() << (attempt - 1);
                if (until != null && clock.instant().plusMillis(pause).isAfter(until)) {
                    throw historyNotReadInTime(sentAt, e.getMessage());
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw new OutcomeUnknownException("Interrupted while looking up a submission whose answer was lost: check"
                            + " the accelerator's jobs submitted in Genesys Cloud since " + Instants.seconds(sentAt));
                }
            }
        }
    }

    /**
     * Candidates: this submitter's jobs of the accelerator and flag submitted since the record's window opened that
     * are neither known to this connection nor in the record's list of ours already there. There is no upper bound:
     * while this submission holds its turn no other of ours can have made one, and a bound read through the remote's
     * {@code Date} header comes out early under load (the header is written before the answer waits in queues),
     * which would leave out the very job we look for.
     */
    private List<InfrastructureascodeJob> lookUp(GenesysClient reader, AcceleratorInput input, SendRecord record) {
        Instant kept = record.since();
        Instant since = kept != null ? kept : since(record.sentAt());
        Set<String> excluded = Set.copyOf(record.excluded());
        return historySince(reader, input.acceleratorId(), since).stream()
                .filter(j -> JobIds.isUuid(j.id()))
                .filter(j -> input.acceleratorId().equals(j.acceleratorId()) || j.acceleratorId() == null)
                .filter(j -> j.dryRun() == null || j.planOnly() == input.dryRun())
                .filter(j -> submittedSince(j, since))
                .filter(j -> !known.containsKey(j.id()) && !excluded.contains(j.id()))
                .toList();
    }

    /**
     * This submitter's jobs of the accelerator, newest first, reaching back past {@code since}: a fixed depth could
     * end inside the window when many jobs were made meanwhile, and then a job that exists would look absent.
     */
    private List<InfrastructureascodeJob> historySince(GenesysClient reader, String acceleratorId, Instant since) {
        for (int depth = historyDepth; ; depth = Math.min(HISTORY_MAX, depth * 4)) {
            JobHistoryQuery q = JobHistoryQuery.forAccelerator(acceleratorId, depth).bySubmitter(submitter.userId());
            List<InfrastructureascodeJob> jobs = reader.jobHistory(q).jobs();
            if (jobs.size() < depth || reachesBack(jobs, since)) {
                historyDepth = depth; // the next lookup starts where this one had to go: one read, not several
                return jobs;
            }
            if (depth == HISTORY_MAX) {
                throw new OutcomeUnknownException("The answer to the submission was lost, and the newest " + depth + " jobs of"
                        + " the accelerator's history do not reach back to when it was sent, so whether it made a job cannot"
                        + " be told; not submitting again. Check the accelerator's jobs in Genesys Cloud, and pass the right"
                        + " one as jobId");
            }
        }
    }

    /** Whether the oldest of these jobs (the history is newest first) was submitted before {@code since}. */
    private static boolean reachesBack(List<InfrastructureascodeJob> jobs, Instant since) {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            String at = jobs.get(i).dateSubmitted();
            if (at != null) {
                try {
                    return OffsetDateTime.parse(at).toInstant().isBefore(since);
                } catch (DateTimeParseException unreadable) {
                    // try the next older one
                }
            }
        }
        return false;
    }

    private static boolean submittedSince(InfrastructureascodeJob j, Instant since) {
        if (j.dateSubmitted() == null) {
            return false;
        }
        try {
            return !OffsetDateTime.parse(j.dateSubmitted()).toInstant().isBefore(since);
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

    private InfrastructureascodeJob remember(InfrastructureascodeJob job) {
        submitter.learn(job);
        known.put(job.id(), submittedAt(job));
        return job;
    }

    @CheckForNull
    private static Instant submittedAt(InfrastructureascodeJob j) {
        try {
            return j.dateSubmitted() == null ? null : OffsetDateTime.parse(j.dateSubmitted()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
