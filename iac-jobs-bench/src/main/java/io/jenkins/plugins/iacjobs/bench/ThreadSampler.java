package io.jenkins.plugins.iacjobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Samples live threads every few milliseconds and keeps the peak of those that belong to the way being measured:
 * threads started since {@link #start} (the sandbox's, the benchmark's own and the JVM's excepted), plus any
 * named by {@code alwaysCounted} even if they already existed (OkHttp's shared task runner outlives a run).
 */
final class ThreadSampler implements AutoCloseable {
    static final String SANDBOX_PREFIX = "iacjobs-sandbox-http-";
    static final String BENCH_PREFIX = "bench-infra-";

    private final Set<Long> before = new HashSet<>();
    private final Predicate<String> alwaysCounted;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int peak;
    private volatile List<String> peakNames = List.of();
    private volatile long selfCpuNanos;

    private ThreadSampler(Predicate<String> alwaysCounted) {
        this.alwaysCounted = alwaysCounted;
        for (Thread t : all()) {
            before.add(t.getId());
        }
        this.thread = new Thread(this::loop, BENCH_PREFIX + "thread-sampler");
        this.thread.setDaemon(true);
    }

    static ThreadSampler start(Predicate<String> alwaysCounted) {
        ThreadSampler s = new ThreadSampler(alwaysCounted);
        s.thread.start();
        return s;
    }

    private void loop() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        while (running) {
            sample();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
        }
        selfCpuNanos = mx.getCurrentThreadCpuTime();
    }

    void sample() {
        int n = 0;
        List<String> names = new ArrayList<>();
        for (Thread t : all()) {
            if (t == null || !t.isAlive()) {
                continue;
            }
            String name = t.getName();
            if (name.startsWith(SANDBOX_PREFIX) || name.startsWith(BENCH_PREFIX)) {
                continue;
            }
            if (alwaysCounted.test(name) || !before.contains(t.getId())) {
                n++;
                names.add(name);
            }
        }
        if (n > peak) {
            peak = n;
            peakNames = names;
        }
    }

    int peak() {
        return peak;
    }

    /** The counted threads at the peak, grouped by name with numbers stripped: "bench-base-job-# x1000". */
    String peakSummary() {
        Map<String, Integer> groups = new TreeMap<>();
        for (String name : peakNames) {
            groups.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        groups.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" x").append(v));
        return b.toString();
    }

    /** CPU the sampler itself used, to take out of the process figure. */
    long selfCpuNanos() {
        return selfCpuNanos;
    }

    static Thread[] all() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 64];
        int n = root.enumerate(threads, true);
        Thread[] out = new Thread[n];
        System.arraycopy(threads, 0, out, 0, n);
        return out;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
