package io.jenkins.plugins.iacjobs.core.watch;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.UnreachableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One job being watched. Its {@link #result()} completes with the last snapshot when the job ends (or pauses),
 * or exceptionally with an {@link IacJobsException}: the remote failure, {@link WaitTimeoutException} or
 * {@link WaitAbortedException}. A failed job is not an exception here: callers decide from the snapshot.
 */
public final class Watch {
    static final int MAX_CONSECUTIVE_FAILURES = 40;
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private final JobProbe probe;
    private final WatchListener listener;
    private final PollSettings settings;
    @CheckForNull
    private final Instant deadline;
    @CheckForNull
    private final Duration timeout;
    private final CompletableFuture<JobSnapshot> result = new CompletableFuture<>();
    private volatile WatchHandle handle;
    @CheckForNull
    private volatile JobSnapshot last;
    // Touched only by the group's tick, which runs one at a time.
    private Duration interval;
    private Instant nextDueAt;
    private Instant lastChangeAt;
    private Instant lastReportAt;
    private int consecutiveFailures;

    Watch(WatchHandle handle, JobProbe probe, WatchListener listener, PollSettings settings, @CheckForNull Duration timeout, Instant now) {
        this.handle = handle;
        this.probe = probe;
        this.listener = listener;
        this.settings = settings;
        this.timeout = timeout;
        this.deadline = timeout == null ? null : handle.startedAt().plus(timeout);
        this.interval = settings.minInterval();
        this.nextDueAt = now;
        this.lastChangeAt = now;
        this.lastReportAt = now;
    }

    public CompletableFuture<JobSnapshot> result() {
        return result;
    }

    /** The handle as it stands now: persist this to resume. */
    public WatchHandle handle() {
        return handle;
    }

    /** The last snapshot seen, or null before the first poll. */
    @CheckForNull
    public JobSnapshot lastSnapshot() {
        return last;
    }

    /** Stops watching (the remote job is not touched). The result completes with {@link WaitAbortedException}. */
    public void cancel() {
        JobSnapshot seen = last;
        result.completeExceptionally(new WaitAbortedException("Stopped watching job " + handle.jobId()
                + (seen == null ? "" : " (last status " + seen.status() + ")")));
    }

    public boolean isDone() {
        return result.isDone();
    }

    JobProbe probe() {
        return probe;
    }

    Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    Instant wakeAt() {
        return deadline != null && deadline.isBefore(nextDueAt) ? deadline : nextDueAt;
    }

    boolean isDue(Instant now) {
        return !nextDueAt.isAfter(now);
    }

    /** Ends the watch if the deadline passed; returns true if it did. */
    boolean expireIfPastDeadline(Instant now) {
        Duration limit = timeout;
        if (deadline != null && limit != null && !now.isBefore(deadline) && !result.isDone()) {
            JobSnapshot seen = last;
            result.completeExceptionally(new WaitTimeoutException("Gave up waiting for job " + handle.jobId() + " after "
                    + Durations.format(limit) + " (the timeout)", seen == null ? null : seen.status()));
            return true;
        }
        return result.isDone();
    }

    void pollAlone(Instant now) {
        JobSnapshot s;
        try {
            s = probe.poll(handle, text -> safely(() -> listener.onLog(text)));
        } catch (IacJobsException e) {
            failed(e, now);
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        apply(s, now);
    }

    void apply(JobSnapshot s, Instant now) {
        if (result.isDone()) {
            return; // timed out or stopped while this poll was on its way
        }
        consecutiveFailures = 0;
        boolean statusChanged = !Objects.equals(s.status(), handle.lastStatus());
        boolean logMoved = !Objects.equals(s.logCursor(), handle.logCursor()) && s.logCursor() != null;
        last = s;
        if (statusChanged || logMoved) {
            handle = handle.withProgress(s.status(), s.logCursor() != null ? s.logCursor() : handle.logCursor());
            safely(() -> listener.onProgress(handle));
        }
        if (statusChanged) {
            safely(() -> listener.onStatus(s, now));
            lastChangeAt = now;
            lastReportAt = now;
        }
        if (s.state().endsWatch()) {
            result.complete(s);
            return;
        }
        if (statusChanged || logMoved) {
            interval = settings.minInterval();
        } else {
            interval = settings.next(interval);
            if (Duration.between(lastReportAt, now).compareTo(settings.heartbeatEvery()) >= 0) {
                lastReportAt = now;
                safely(() -> listener.onHeartbeat(s, Duration.between(lastChangeAt, now)));
            }
        }
        nextDueAt = now.plus(interval);
    }

    /**
     * How often a watch that one listing call covers with others is looked at, at most: a tick then costs one call
     * per connection whatever the number of jobs, so polling sooner is cheap and detection comes sooner. 1.5 s keeps
     * the end of a build within 2.5 s of the remote job's at p95 (docs/performance.md, issue 24).
     */
    static final Duration SHARED_TICK = Duration.ofMillis(1500);

    /**
     * Brings the next poll forward to at most {@link #SHARED_TICK} (or half the interval ceiling, if less, and never
     * below the floor). Used when one listing call covers this watch along with others.
     */
    void pollSharedSooner(Instant now) {
        Duration half = settings.maxInterval().dividedBy(2);
        Duration cap = half.compareTo(SHARED_TICK) < 0 ? half : SHARED_TICK;
        if (cap.compareTo(settings.minInterval()) < 0) {
            cap = settings.minInterval();
        }
        if (interval.compareTo(cap) > 0) {
            interval = cap;
        }
        Instant latest = now.plus(cap);
        if (nextDueAt.isAfter(latest)) {
            nextDueAt = latest;
        }
    }

    void failed(IacJobsException e, Instant now) {
        if (result.isDone()) {
            return;
        }
        boolean transientFailure = e instanceof UnreachableException
                || (e instanceof RemoteApiException r && r.isTransient());
        if (!transientFailure || ++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
            result.completeExceptionally(e);
            return;
        }
        interval = settings.next(interval);
        Duration wait = interval;
        if (e instanceof RemoteApiException r && r.retryAfter().isPresent() && r.retryAfter().get().compareTo(wait) > 0) {
            // A hostile or confused Retry-After must not park the job: capped, and the deadline still fires on time.
            wait = r.retryAfter().get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : r.retryAfter().get();
        }
        Duration retryIn = wait;
        nextDueAt = now.plus(wait);
        safely(() -> listener.onTrouble(e, retryIn));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a listener's failure must not stop the watch or other jobs
        }
    }
}
