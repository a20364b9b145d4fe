package io.jenkins.plugins.iacjobs.core.watch;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches any number of remote jobs with no blocking sleeps and no thread per job. Jobs on one connection share a
 * {@link PollGroup}: one tick, and one listing call per tick where the system has one. A small fixed scheduler
 * times the ticks and the deadlines; the ticks themselves run in {@link Lanes}, one per remote, so a remote that
 * hangs delays nobody else, and a job's timeout fires on time whatever its remote does.
 * Create one per process (the Jenkins plugin and the CLI each hold one) and share it.
 */
public final class JobWatcher implements AutoCloseable {
    public static final int DEFAULT_THREADS = 2;

    private final ScheduledThreadPoolExecutor scheduler;
    private final Lanes lanes = new Lanes();
    private final Clock clock;
    private final Map<String, PollGroup> groups = new ConcurrentHashMap<>();

    private JobWatcher(int threads, Clock clock) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "iac-jobs-watcher-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.scheduler = new ScheduledThreadPoolExecutor(threads, factory);
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.clock = clock;
    }

    public static JobWatcher create() {
        return create(DEFAULT_THREADS, Clock.systemUTC());
    }

    public static JobWatcher create(int threads, Clock clock) {
        return new JobWatcher(threads, clock);
    }

    /**
     * Starts (or, with a persisted handle, resumes) watching a job.
     *
     * @param timeout overall limit counted from {@link WatchHandle#startedAt()}, or null for none
     */
    public Watch watch(WatchHandle handle, JobProbe probe, WatchListener listener, PollSettings settings, @CheckForNull Duration timeout) {
        Watch w = new Watch(handle, probe, listener, settings, timeout, clock.instant());
        String key = probe.batchKey() != null ? probe.batchKey() : "solo:" + UUID.randomUUID();
        String lane = probe.laneKey() != null ? probe.laneKey() : key;
        PollGroup group = groups.computeIfAbsent(key, k -> new PollGroup(probe, scheduler, lanes, lane, clock));
        group.add(w);
        if (probe.batchKey() == null) {
            w.result().whenComplete((s, e) -> groups.remove(key));
        }
        return w;
    }

    /** Jobs being watched now. */
    public int activeWatches() {
        return groups.values().stream().mapToInt(PollGroup::size).sum();
    }

    /** Threads this watcher holds now: the fixed scheduler's and the pollers alive, however many jobs it watches. */
    public int threadCount() {
        return scheduler.getCorePoolSize() + lanes.threads();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        lanes.shutdownNow();
    }
}
