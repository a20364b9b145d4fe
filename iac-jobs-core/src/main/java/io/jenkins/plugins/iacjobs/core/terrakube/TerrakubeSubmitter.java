package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.Instants;

import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.http.ServerClock;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creates a job exactly once. Creating is not idempotent, so when the answer is lost the workspace's job list
 * ({@code sort=-id}) is searched before anything is sent again: one match is adopted, several are an error that
 * lists them, none allows one resend.
 *
 * <p>A job is ours when its {@code comments} carry the request id we created it with. After a restart the id is
 * lost, but the comment also carries the instant we sent it (our clock, to the millisecond), so a job of another
 * run is told apart by that. A server that keeps no comments (the older API) leaves only its own dates, which have
 * minute precision: then the job must be of the same template or command and created since the minute before we
 * sent, in the server's time.
 */
final class TerrakubeSubmitter {
    static final String REQUEST_PREFIX = "Created by IaC Jobs, request ";
    private static final String AT = " sent at ";
    /** Without a server clock: tolerance for a remote clock behind ours. */
    private static final Duration UNCALIBRATED_SKEW = Duration.ofMinutes(2);

    private final Clock clock;

    TerrakubeSubmitter(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    String newRequestComment() {
        return REQUEST_PREFIX + UUID.randomUUID() + AT + clock.instant();
    }

    /**
     * @param create      sends the create request
     * @param list        the workspace's jobs, newest first
     * @param sameRequest whether a listed job is of the same template or command
     * @param comment     the request id sent in {@code comments}, or null when the API has none
     */
    TerrakubeJob submit(Supplier<TerrakubeJob> create, Supplier<List<TerrakubeJob>> list, Predicate<TerrakubeJob> sameRequest,
                        @CheckForNull String comment, ServerClock serverClock, Consumer<String> log) {
        Instant sentAt = clock.instant();
        try {
            return create.get();
        } catch (OutcomeUnknownException lost) {
            log.accept("The answer to the job creation was lost (" + lost.getMessage()
                    + "). Looking the job up in the workspace's job list before deciding anything.");
            List<TerrakubeJob> found = lookUp(listWithin(list, sentAt), sameRequest, comment, sentAt, since(sentAt, serverClock));
            if (found.size() == 1) {
                log.accept("Found job " + found.get(0).id() + ": it was created; not creating it again.");
                return found.get(0);
            }
            if (found.size() > 1) {
                throw severalFound("lost", found);
            }
            log.accept("No such job in the workspace: the request did not arrive. Creating it once more.");
            Instant resentAt = clock.instant();
            try {
                return create.get();
            } catch (WaitTimeoutException notSent) {
                // only the second create was not made; what the first did is not known
                throw new WaitTimeoutException("The timeout passed while creating the job: the answer to the create sent at "
                        + Instants.seconds(sentAt) + " was lost, and the workspace's job list showed no job from it when read;"
                        + " it was not sent again (" + notSent.getMessage() + "). A job may still appear: check the workspace's"
                        + " runs in Terrakube since " + Instants.seconds(sentAt));
            } catch (OutcomeUnknownException lostAgain) {
                List<TerrakubeJob> again = lookUp(listWithin(list, resentAt), sameRequest, comment, resentAt,
                        since(resentAt, serverClock));
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

    /** The workspace's jobs after a lost answer; a list that cannot be read in time leaves the outcome unknown. */
    private static List<TerrakubeJob> listWithin(Supplier<List<TerrakubeJob>> list, Instant sentAt) {
        try {
            return list.get();
        } catch (WaitTimeoutException late) {
            throw new OutcomeUnknownException("The answer to the job creation was lost and the workspace's job list could not"
                    + " be read within the timeout and its grace (" + late.getMessage() + "), so a job may have been made:"
                    + " check the workspace's runs in Terrakube since " + Instants.seconds(sentAt));
        }
    }

    /**
     * For a submission whose answer was lost with the process: the job that carries its request id when that was
     * kept, else jobs of the same request since {@code sentAt}.
     */
    List<TerrakubeJob> find(List<TerrakubeJob> jobs, Predicate<TerrakubeJob> sameRequest, @CheckForNull String comment,
                            Instant sentAt, ServerClock serverClock) {
        return lookUp(jobs, sameRequest, comment, sentAt, since(sentAt, serverClock));
    }

    static OutcomeUnknownException severalFound(String what, List<TerrakubeJob> found) {
        return new OutcomeUnknownException("The answer to the job creation was " + what + " and the workspace shows "
                + found.size() + " matching new jobs (" + ids(found) + "); not creating another. Check them in"
                + " Terrakube and pass the right one as jobId");
    }

    /**
     * @param comment the request id we sent, or null when it was lost with the process
     * @param sentAt  when we sent, by our clock
     * @param since   the earliest server date our job can show
     */
    private static List<TerrakubeJob> lookUp(List<TerrakubeJob> jobs, Predicate<TerrakubeJob> sameRequest, @CheckForNull String comment,
                                             Instant sentAt, Instant since) {
        if (comment != null) {
            List<TerrakubeJob> ours = jobs.stream().filter(j -> comment.equals(j.comments())).toList();
            if (!ours.isEmpty()) {
                return ours;
            }
        }
        return jobs.stream().filter(sameRequest).filter(j -> {
            Instant stamped = stampedAt(j.comments());
            if (stamped != null) {
                return comment == null && !stamped.isBefore(sentAt); // with our id in hand, any other id is another run's
            }
            return j.createdDate() != null && !j.createdDate().isBefore(since);
        }).toList();
    }

    /** The send instant in a comment we wrote; null for any other comment. */
    @CheckForNull
    static Instant stampedAt(String comments) {
        if (comments == null || !comments.startsWith(REQUEST_PREFIX)) {
            return null;
        }
        int at = comments.lastIndexOf(AT);
        try {
            return at < 0 ? Instant.EPOCH : Instant.parse(comments.substring(at + AT.length()).strip());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** The earliest creation date our job can show: the minute before we sent, in the server's time when known. */
    private static Instant since(Instant sentAt, ServerClock serverClock) {
        return serverClock.toRemote(sentAt).map(t -> t.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)))
                .orElse(sentAt.truncatedTo(ChronoUnit.MINUTES).minus(UNCALIBRATED_SKEW));
    }

    private static String ids(List<TerrakubeJob> jobs) {
        return jobs.stream().map(TerrakubeJob::id).collect(Collectors.joining(", "));
    }
}
