package io.jenkins.plugins.iacjobs.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe request and event counters, read by tests and benchmarks (and served at {@code GET /sandbox/counters}).
 * Named counters are open-ended so each stand-in system can add its own; the common ones have accessors.
 * Endpoint counters count requests that reached the endpoint, including those then answered by an injected fault.
 * {@code totalRequests} counts every request except those to {@code /sandbox/*}.
 */
public final class SandboxCounters {

    public static final String TOKEN_REQUESTS = "tokenRequests";
    public static final String SUBMIT_REQUESTS = "submitRequests";
    public static final String JOBS_CREATED = "jobsCreated";
    public static final String STATUS_REQUESTS = "statusRequests";
    public static final String HISTORY_REQUESTS = "historyRequests";
    public static final String ACCELERATOR_REQUESTS = "acceleratorRequests";
    public static final String TOTAL_REQUESTS = "totalRequests";
    public static final String FAULTS_INJECTED = "faultsInjected";

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> submissions = new ConcurrentHashMap<>();

    public SandboxCounters() {
        for (String name : new String[] {TOKEN_REQUESTS, SUBMIT_REQUESTS, JOBS_CREATED, STATUS_REQUESTS,
                HISTORY_REQUESTS, ACCELERATOR_REQUESTS, TOTAL_REQUESTS, FAULTS_INJECTED}) {
            counters.put(name, new AtomicLong());
        }
    }

    public long increment(String name) {
        return counters.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    public long get(String name) {
        AtomicLong counter = counters.get(name);
        return counter == null ? 0 : counter.get();
    }

    /** Records one job submission under a key (a job id, or the target it was submitted for). */
    public void recordSubmission(String key) {
        submissions.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * How many submissions were recorded under {@code key}. The Genesys stand-in records every POST under its
     * {@code acceleratorId} and every created job under its job id, so duplicate submissions show up per accelerator.
     */
    public int submissionsFor(String key) {
        AtomicInteger count = submissions.get(key);
        return count == null ? 0 : count.get();
    }

    public long tokenRequests() {
        return get(TOKEN_REQUESTS);
    }

    public long submitRequests() {
        return get(SUBMIT_REQUESTS);
    }

    public long jobsCreated() {
        return get(JOBS_CREATED);
    }

    public long statusRequests() {
        return get(STATUS_REQUESTS);
    }

    public long historyRequests() {
        return get(HISTORY_REQUESTS);
    }

    public long acceleratorRequests() {
        return get(ACCELERATOR_REQUESTS);
    }

    public long totalRequests() {
        return get(TOTAL_REQUESTS);
    }

    public long faultsInjected() {
        return get(FAULTS_INJECTED);
    }

    /** All counters, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((name, value) -> snapshot.put(name, value.get()));
        return snapshot;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
