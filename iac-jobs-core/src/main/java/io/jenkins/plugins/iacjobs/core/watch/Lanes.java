package io.jenkins.plugins.iacjobs.core.watch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs poll ticks so that one remote cannot hold up another: each lane (one remote connection) runs at most
 * {@link #PER_LANE} ticks at a time, on a shared pool whose threads come and go with the work. A remote that
 * answers slowly fills its own lane and queues its own ticks; other lanes get threads of their own. Healthy
 * remotes answer in milliseconds, so a thousand jobs on a few connections still need only a few threads.
 */
final class Lanes {
    static final int PER_LANE = 4;

    private final ExecutorService pool;
    private final Map<String, Lane> lanes = new HashMap<>();

    private static final class Lane {
        int running;
        final Queue<Runnable> waiting = new ArrayDeque<>();
    }

    Lanes() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "iac-jobs-poller-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(factory);
    }

    void submit(String laneKey, Runnable tick) {
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(laneKey, k -> new Lane());
            if (lane.running >= PER_LANE) {
                lane.waiting.add(tick);
                return;
            }
            lane.running++;
        }
        start(laneKey, tick);
    }

    private void start(String laneKey, Runnable tick) {
        try {
            pool.execute(() -> run(laneKey, tick));
        } catch (RejectedExecutionException closed) {
            // the watcher is closing: nothing more is polled, and nobody waits for the answer
        }
    }

    private void run(String laneKey, Runnable tick) {
        try {
            tick.run();
        } finally {
            Runnable next;
            synchronized (lanes) {
                Lane lane = lanes.get(laneKey);
                next = lane.waiting.poll();
                if (next == null && --lane.running == 0) {
                    lanes.remove(laneKey);
                }
            }
            if (next != null) {
                start(laneKey, next);
            }
        }
    }

    /** Pool threads alive now (busy or idle for less than a minute). */
    int threads() {
        return ((ThreadPoolExecutor) pool).getPoolSize();
    }

    void shutdownNow() {
        pool.shutdownNow();
    }
}
