package io.jenkins.plugins.iacjobs.bench;

import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlan;
import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlanner;
import io.jenkins.plugins.iacjobs.sandbox.genesys.ResultsSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seeded job plan both ways share. Each job is submitted with {@code queue_name = bench-<slot>}, so the sandbox
 * gives slot {@code i} the same durations and outcome whichever way submits it and in whatever order.
 * <p>
 * Nominal durations (before the sandbox's time scale): Created 2–20 s, Queued 5–60 s, Running log-normal around
 * 2 minutes, clamped to 40 s–8 min, and one job in 40 a long one of 8–10 minutes. One job in ten fails.
 */
final class BenchPlan implements JobPlanner {
    static final String SLOT_PREFIX = "bench-";

    record Slot(Duration created, Duration queued, Duration running, boolean fails) {
        Duration total() {
            return created.plus(queued).plus(running);
        }
    }

    private final List<Slot> slots;

    private BenchPlan(List<Slot> slots) {
        this.slots = slots;
    }

    static BenchPlan generate(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Slot> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long created = 2_000 + r.nextLong(18_000);
            long queued = 5_000 + r.nextLong(55_000);
            long running;
            if (r.nextInt(40) == 0) {
                running = 480_000 + r.nextLong(120_000);
            } else {
                double gaussian = gaussian(r);
                running = (long) Math.exp(Math.log(120_000) + 0.8 * gaussian);
                running = Math.max(40_000, Math.min(480_000, running));
            }
            boolean fails = r.nextInt(10) == 0;
            slots.add(new Slot(Duration.ofMillis(created), Duration.ofMillis(queued), Duration.ofMillis(running), fails));
        }
        return new BenchPlan(List.copyOf(slots));
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    Slot slot(int i) {
        return slots.get(i);
    }

    int size() {
        return slots.size();
    }

    Duration longest(int count) {
        Duration max = Duration.ZERO;
        for (int i = 0; i < count; i++) {
            if (slots.get(i).total().compareTo(max) > 0) {
                max = slots.get(i).total();
            }
        }
        return max;
    }

    static String queueName(int slot) {
        return SLOT_PREFIX + slot;
    }

    @Override
    public JobPlan plan(String acceleratorId, Map<String, String> parameters, boolean dryRun, int jobIndex) {
        String name = parameters.getOrDefault("queue_name", "");
        if (!name.startsWith(SLOT_PREFIX)) {
            throw new IllegalArgumentException("not a benchmark job: queue_name=" + name);
        }
        Slot s = slots.get(Integer.parseInt(name.substring(SLOT_PREFIX.length())));
        JobPlan plan = s.fails()
                ? JobPlan.failed("bench.failure", "planned failure for " + name)
                : JobPlan.complete(ResultsSource.of("[{\"type\":\"genesyscloud_routing_queue\",\"name\":\"" + name + "\"}]"));
        return plan.withPhases(s.created(), s.queued(), s.running());
    }
}
