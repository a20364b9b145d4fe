package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one job will play out.
 *
 * @param phases         how long the job stays Created, Queued and Running, in that order, before the time scale is
 *                       applied; missing entries are zero
 * @param terminalStatus Complete, Failed or Incomplete
 * @param errorCode      {@code errorInfo.code} for Failed/Incomplete (null: none)
 * @param errorMessage   {@code errorInfo.message} for Failed/Incomplete (null: none)
 * @param results        the {@code results} string of the terminal job (null: none), produced lazily
 */
public record JobPlan(List<Duration> phases, JobStatus terminalStatus, String errorCode, String errorMessage,
                      ResultsSource results) {

    /** 0.5 s Created, 1 s Queued, 3 s Running, before scaling. */
    public static final List<Duration> DEFAULT_PHASES =
            List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3));

    public JobPlan {
        phases = List.copyOf(phases);
        if (phases.size() > 3) {
            throw new IllegalArgumentException("at most three phases (Created, Queued, Running), got " + phases.size());
        }
        for (Duration phase : phases) {
            if (phase.isNegative()) {
                throw new IllegalArgumentException("phase durations must not be negative: " + phases);
            }
        }
        Objects.requireNonNull(terminalStatus, "terminalStatus");
        if (!terminalStatus.isTerminal()) {
            throw new IllegalArgumentException("terminal status must be Complete, Failed or Incomplete, got " + terminalStatus);
        }
    }

    public static JobPlan complete(ResultsSource results) {
        return new JobPlan(DEFAULT_PHASES, JobStatus.COMPLETE, null, null, results);
    }

    public static JobPlan failed(String errorCode, String errorMessage) {
        return new JobPlan(DEFAULT_PHASES, JobStatus.FAILED, errorCode, errorMessage, null);
    }

    public static JobPlan incomplete(String errorCode, String errorMessage, ResultsSource results) {
        return new JobPlan(DEFAULT_PHASES, JobStatus.INCOMPLETE, errorCode, errorMessage, results);
    }

    /** Created, Queued, Running durations (unscaled). */
    public JobPlan withPhases(Duration... phases) {
        return new JobPlan(List.of(phases), terminalStatus, errorCode, errorMessage, results);
    }

    public JobPlan withResults(ResultsSource results) {
        return new JobPlan(phases, terminalStatus, errorCode, errorMessage, results);
    }

    Duration phase(int index) {
        return index < phases.size() ? phases.get(index) : Duration.ZERO;
    }
}
