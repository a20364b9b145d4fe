package io.jenkins.plugins.iacjobs.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The printed table and {@code bench.json}. */
final class Report {
    private record Metric(String name, String key, ToLongFunction<WayResult> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("watcher threads (peak)", "threads", WayResult::threadsPeak),
            new Metric("token requests", "token_requests", WayResult::tokenRequests),
            new Metric("status requests", "status_requests", WayResult::statusRequests),
            new Metric("detection p50 (ms)", "p50_latency_ms", WayResult::p50LatencyMs),
            new Metric("detection p95 (ms)", "p95_latency_ms", WayResult::p95LatencyMs),
            new Metric("detection max (ms)", "max_latency_ms", WayResult::maxLatencyMs),
            new Metric("heap per waiting job (B)", "heap_per_job_bytes", WayResult::heapPerJobBytes),
            new Metric("CPU, client side (ms)", "cpu_client_ms", WayResult::cpuClientMs),
            new Metric("CPU, whole process (ms)", "cpu_process_ms", WayResult::cpuProcessMs));

    private Report() {
    }

    static String table(List<WayResult[]> rows, LargeResultCase.Result large) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%6s  %-26s %12s %12s %10s%n", "N", "metric", "ours", "baseline", "ours/base"));
        for (WayResult[] r : rows) {
            for (Metric m : METRICS) {
                long o = m.value().applyAsLong(r[0]);
                long s = m.value().applyAsLong(r[1]);
                b.append(String.format(Locale.ROOT, "%6d  %-26s %12d %12d %10s%n", r[0].jobs(), m.name(), o, s, ratio(o, s)));
            }
            b.append(String.format(Locale.ROOT, "%6d  %-26s %12s %12s%n", r[0].jobs(), "  (history / job GETs)",
                    r[0].historyRequests() + "/" + r[0].jobGetRequests(), r[1].historyRequests() + "/" + r[1].jobGetRequests()));
        }
        if (large != null) {
            b.append(String.format(Locale.ROOT, "large result: %d MB results string, heap growth after GC %.1f MB (raw peak incl. garbage %.1f MB),"
                            + " %d MB written in %.1f s%n", large.resultBytes() >> 20, large.heapGrowthAfterGcBytes() / 1048576.0,
                    large.heapGrowthRawPeakBytes() / 1048576.0, large.writtenBytes() >> 20, large.wallMs() / 1000.0));
        }
        return b.toString();
    }

    static ObjectNode json(List<WayResult[]> rows, LargeResultCase.Result large, long seed, double scale, PollSettings poll,
                           long totalSeconds) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode setup = root.putObject("setup");
        setup.put("seed", seed);
        setup.put("sandbox_time_scale", scale);
        setup.put("ours_poll_min_ms", poll.minInterval().toMillis());
        setup.put("ours_poll_max_ms", poll.maxInterval().toMillis());
        setup.put("ours_poll_backoff", poll.backoffFactor());
        setup.put("baseline_poll_ms", SdkBaselineWay.POLL_EVERY.toMillis());
        setup.put("cores", Runtime.getRuntime().availableProcessors());
        setup.put("java", System.getProperty("java.version"));
        setup.put("total_seconds", totalSeconds);
        ObjectNode byN = root.putObject("results");
        for (WayResult[] r : rows) {
            ObjectNode n = byN.putObject(Integer.toString(r[0].jobs()));
            n.put("threads_ours", r[0].threadsPeak());
            n.put("threads_base", r[1].threadsPeak());
            n.put("token_requests_ours", r[0].tokenRequests());
            n.put("token_requests_base", r[1].tokenRequests());
            n.put("status_requests_ours", r[0].statusRequests());
            n.put("status_requests_base", r[1].statusRequests());
            n.put("history_requests_ours", r[0].historyRequests());
            n.put("job_get_requests_ours", r[0].jobGetRequests());
            n.put("p50_latency_ms_ours", r[0].p50LatencyMs());
            n.put("p50_latency_ms_base", r[1].p50LatencyMs());
            n.put("p95_latency_ms_ours", r[0].p95LatencyMs());
            n.put("p95_latency_ms_base", r[1].p95LatencyMs());
            n.put("max_latency_ms_ours", r[0].maxLatencyMs());
            n.put("max_latency_ms_base", r[1].maxLatencyMs());
            n.put("heap_per_job_bytes_ours", r[0].heapPerJobBytes());
            n.put("heap_per_job_bytes_base", r[1].heapPerJobBytes());
            n.put("waiting_at_heap_sample_ours", r[0].waitingAtHeapSample());
            n.put("waiting_at_heap_sample_base", r[1].waitingAtHeapSample());
            n.put("cpu_client_ms_ours", r[0].cpuClientMs());
            n.put("cpu_client_ms_base", r[1].cpuClientMs());
            n.put("cpu_process_ms_ours", r[0].cpuProcessMs());
            n.put("cpu_process_ms_base", r[1].cpuProcessMs());
            n.put("wall_ms_ours", r[0].wallMs());
            n.put("wall_ms_base", r[1].wallMs());
            n.put("detected_ours", r[0].detected());
            n.put("detected_base", r[1].detected());
            n.put("poll_errors_ours", r[0].pollErrors());
            n.put("poll_errors_base", r[1].pollErrors());
        }
        if (large != null) {
            root.put("large_result_bytes", large.resultBytes());
            root.put("large_result_heap_growth_bytes", large.heapGrowthAfterGcBytes());
            root.put("large_result_heap_raw_peak_growth_bytes", large.heapGrowthRawPeakBytes());
            root.put("large_result_written_bytes", large.writtenBytes());
        }
        return root;
    }

    private static String ratio(long ours, long base) {
        if (base <= 0 || ours < 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", (double) ours / base);
    }
}
