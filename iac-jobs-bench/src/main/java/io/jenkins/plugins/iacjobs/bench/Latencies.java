package io.jenkins.plugins.iacjobs.bench;

import io.jenkins.plugins.iacjobs.sandbox.genesys.GenesysSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Detection latency: from the instant the sandbox made a job terminal to the instant the watcher reported it. */
final class Latencies {
    private final List<Long> millis = new ArrayList<>();

    static Latencies of(GenesysSandbox sandbox, Map<String, Instant> detectedAt) {
        Latencies l = new Latencies();
        detectedAt.forEach((jobId, at) -> {
            Optional<Instant> terminal = sandbox.terminalAt(jobId);
            terminal.ifPresent(t -> l.millis.add(Math.max(0, Duration.between(t, at).toMillis())));
        });
        Collections.sort(l.millis);
        return l;
    }

    int count() {
        return millis.size();
    }

    long percentile(double p) {
        if (millis.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * millis.size());
        return millis.get(Math.max(0, Math.min(millis.size() - 1, rank - 1)));
    }
}
