package io.jenkins.plugins.iacjobs.core.watch;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.UnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The watches that can be polled together (one connection). One scheduled tick serves them all: when any is
 * due, one listing call (where the probe can) refreshes every watch it covers, due or not, and due ones it does
 * not cover are polled one by one. There is never more than one tick per group scheduled or running.
 */
final class PollGroup implements Runnable {
    /** Watches due within this much of the tick are polled with it, so batches form instead of ticking per job. */
    private static final Duration COALESCE = Duration.ofMillis(250);

    private final JobProbe probe;
    private final ScheduledExecutorService scheduler;
    private final Lanes lanes;
    private final String lane;
    private final Clock clock;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final Object tickLock = new Object();
    @CheckForNull
    private ScheduledFuture<?> tick;
    @CheckForNull
    private Instant tickAt;

    PollGroup(JobProbe probe, ScheduledExecutorService scheduler, Lanes lanes, String lane, Clock clock) {
        this.probe = probe;
        this.scheduler = scheduler;
        this.lanes = lanes;
        this.lane = lane;
        this.clock = clock;
    }

    void add(Watch w) {
        watches.add(w);
        w.result().whenComplete((s, e) -> watches.remove(w));
        w.deadline().ifPresent(d -> expireAt(w, d));
        reschedule();
    }

    /** On the scheduler, not in a tick: a tick may be stuck on a slow remote, the timeout must not be. */
    private void expireAt(Watch w, Instant deadline) {
        long delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis()) + 1;
        ScheduledFuture<?> timer;
        try {
            timer = scheduler.schedule(() -> {
                if (!w.expireIfPastDeadline(clock.instant())) {
                    expireAt(w, deadline); // woke a moment early
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return; // the watcher is closing
        }
        w.result().whenComplete((s, e) -> timer.cancel(false));
    }

    int size() {
        return watches.size();
    }

    @Override
    public void run() {
        synchronized (this) {
            synchronized (tickLock) {
                tick = null;
                tickAt = null;
            }
            try {
                pollDue();
            } finally {
                reschedule();
            }
        }
    }

    private void pollDue() {
        Instant now = clock.instant();
        Instant horizon = now.plus(COALESCE);
        List<Watch> live = new ArrayList<>();
        Set<Watch> due = new HashSet<>();
        for (Watch w : watches) {
            if (w.expireIfPastDeadline(now)) {
                continue;
            }
            live.add(w);
            if (w.isDue(horizon)) {
                due.add(w);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        // The listing costs one call however many jobs it covers: ask it for every watched job (so it is sized to
        // reach the oldest of them) and bring every covered watch up to date, not only the due ones. Watches then
        // line up on the group's tick instead of each falling due on its own and being polled alone.
        Map<String, JobSnapshot> covered = Map.of();
        if (live.size() > 1 && probe.batchKey() != null) {
            try {
                covered = probe.pollMany(live.stream().map(Watch::handle).toList());
            } catch (IacJobsException e) {
                if (isTransient(e)) {
                    // the remote is struggling: back every due job off instead of multiplying requests
                    for (Watch w : due) {
                        w.failed(e, now);
                    }
                    return;
                }
                // the listing is not usable (permissions, shape): poll one by one
            }
        }
        for (Watch w : live) {
            if (w.isDone()) {
                continue;
            }
            JobSnapshot s = covered.get(w.handle().jobId());
            if (s != null) {
                w.apply(s, clock.instant());
                if (covered.size() > 1) {
                    w.pollSharedSooner(clock.instant());
                }
            } else if (due.contains(w)) {
                w.pollAlone(clock.instant());
            }
        }
    }

    private static boolean isTransient(IacJobsException e) {
        return e instanceof UnreachableException || (e instanceof RemoteApiException r && r.isTransient());
    }

    private void reschedule() {
        Instant earliest = null;
        for (Watch w : watches) {
            if (w.isDone()) {
                continue;
            }
            Instant at = w.wakeAt();
            if (earliest == null || at.isBefore(earliest)) {
                earliest = at;
            }
        }
        synchronized (tickLock) {
            if (earliest == null || (tickAt != null && !tickAt.isAfter(earliest))) {
                return;
            }
            if (tick != null) {
                tick.cancel(false);
            }
            long delay = Math.max(0, Duration.between(clock.instant(), earliest).toMillis());
            try {
                tick = scheduler.schedule(() -> lanes.submit(lane, this), delay, TimeUnit.MILLISECONDS);
                tickAt = earliest;
            } catch (RejectedExecutionException closed) {
                // the watcher is closing (JobWatcher.close): its watches end with it, nothing is left to poll
            }
        }
    }
}
