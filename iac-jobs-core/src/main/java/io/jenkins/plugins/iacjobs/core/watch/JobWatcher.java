package io.jenkins.plugins.iacjobs.core.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches any number of remote jobs with a small fixed pool of threads and no blocking sleeps. Jobs on one
 * connection share a {@link PollGroup}: one tick, and one listing call per tick where the system has one.
 * Create one per process (the Jenkins plugin and the CLI each hold one) and share it.
 */
public final class JobWatcher implements AutoCloseable {
    public static final int DEFAULT_THREADS = 4;

    private final ScheduledThreadPoolExecutor scheduler;
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
    public Watch watch(WatchHandle handle, JobProbe probe, WatchListener listener, PollSettings settings, Duration timeout) {
        Watch w = new Watch(handle, probe, listener, settings, timeout, clock.instant());
        String key = probe.batchKey() != null ? probe.batchKey() : "solo:" + UUID.randomUUID();
        PollGroup group = groups.computeIfAbsent(key, k -> new PollGroup(probe, scheduler, clock));
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

    /** The fixed number of threads this watcher uses, however many jobs it watches. */
    public int threadCount() {
        return scheduler.getCorePoolSize();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
