package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import java.time.Duration;

/**
 * How long each part of a job takes before the time scale is applied.
 *
 * @param stepsAppear after creation, before the job's steps exist (the 201 has none, as on a real server)
 * @param between     the job is {@code pending} again between steps and before it completes
 * @param queue       {@code queue}, waiting for the executor
 * @param run         {@code running}; the step log grows over this time
 */
public record Timings(Duration stepsAppear, Duration between, Duration queue, Duration run) {

    public static Timings defaults() {
        return new Timings(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(2));
    }

    Timings scaled(double factor) {
        return new Timings(scale(stepsAppear, factor), scale(between, factor), scale(queue, factor), scale(run, factor));
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() * factor));
    }
}
