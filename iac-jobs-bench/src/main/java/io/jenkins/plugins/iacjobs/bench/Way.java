package io.jenkins.plugins.iacjobs.bench;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import java.time.Instant;
import java.util.function.Predicate;

/** One way of submitting N jobs and waiting for them. */
interface Way extends AutoCloseable {
    String name();

    /** Threads to count even if they existed before the run (shared pools of the way's libraries). */
    Predicate<String> alwaysCounted();

    /**
     * Submits jobs {@code 0..n-1} (slot i with {@code queue_name = bench-i}) and starts waiting for them. Returns once
     * every job has an id in {@code jobIds}; {@code detected[i]} is set when the way reports job i terminal.
     */
    void start(Sandbox sandbox, int n, String[] jobIds, Instant[] detected) throws Exception;

    /** Jobs not yet reported terminal. */
    int waiting();

    /** Blocks until every job was reported or the deadline passed; true if every job was reported. */
    boolean await(Instant deadline) throws InterruptedException;

    /** Polls that failed (each way retries them). */
    int pollErrors();

    @Override
    void close();
}
