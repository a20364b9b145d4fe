package io.jenkins.plugins.iacjobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mypurecloud.sdk.v2.ApiClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.SandboxCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs core's watcher and the SDK thread-per-job baseline against the sandbox for each N, then the large-results
 * case, prints a table and writes {@code bench.json}. Options: {@code --sizes 1,100,1000}, {@code --seed 20261123},
 * {@code --time-scale 0.1}, {@code --large-mb 200} (0 skips), {@code --max-batch 1000} (jobs one history call may
 * cover, core's default), {@code --poll-min 1s --poll-max 5s} (ours), {@code --out target/bench.json}.
 */
public final class BenchMain {
    /**
     * 1 s after a change, ×1.5 while quiet, never more than the baseline's 5 s: a job is never staler than the
     * baseline would leave it, and the shared listing keeps the request count down. Core's default ceiling of 15 s
     * ({@code --poll-max 15s}) trades detection latency for even fewer requests.
     */
    static final PollSettings DEFAULT_POLL = new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5,
            Duration.ofMinutes(1));
    static PollSettings OURS_POLL = DEFAULT_POLL;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        List<Integer> sizes = new ArrayList<>();
        for (String s : opts.getOrDefault("sizes", "1,100,1000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        long seed = Long.parseLong(opts.getOrDefault("seed", "20261123"));
        double scale = Double.parseDouble(opts.getOrDefault("time-scale", "0.1"));
        long largeMb = Long.parseLong(opts.getOrDefault("large-mb", "200"));
        Path out = Path.of(opts.getOrDefault("out", "target/bench.json"));
        OURS_POLL = new PollSettings(Durations.parse("--poll-min", opts.getOrDefault("poll-min", "1s")),
                Durations.parse("--poll-max", opts.getOrDefault("poll-max", "5s")), 1.5,
                Duration.ofMinutes(1));
        int maxBatch = Integer.parseInt(opts.getOrDefault("max-batch", Integer.toString(GenesysJobs.DEFAULT_MAX_BATCH)));
        int maxN = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
        BenchPlan plan = BenchPlan.generate(seed, maxN);
        long t0 = System.nanoTime();

        System.out.printf(Locale.ROOT, "IaC Jobs benchmark: sizes %s, seed %d, sandbox time scale %.3f, %d cores, max heap %d MB%n",
                sizes, seed, scale, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "ours: JobWatcher (%d threads), history covers <= %d jobs, PollSettings min %s max %s x%.1f; baseline: SDK %s, thread per job, sleep %s%n",
                JobWatcher.DEFAULT_THREADS, maxBatch, OURS_POLL.minInterval(), OURS_POLL.maxInterval(),
                OURS_POLL.backoffFactor(), sdkVersion(), SdkBaselineWay.POLL_EVERY);

        // Warm both ways up (JIT, class loading) on a few short jobs; not reported.
        BenchPlan warmPlan = BenchPlan.generate(seed + 1, 20);
        runWay(() -> new OursWay(OURS_POLL, maxBatch), 20, warmPlan, 0.01, true);
        runWay(() -> new SdkBaselineWay(SdkBaselineWay.POLL_EVERY), 20, warmPlan, 0.01, true);

        List<WayResult[]> rows = new ArrayList<>();
        for (int n : sizes) {
            System.out.printf(Locale.ROOT, "N=%d: longest job %s after scaling%n", n, scaled(plan.longest(n), scale));
            WayResult ours = runWay(() -> new OursWay(OURS_POLL, maxBatch), n, plan, scale, false);
            WayResult base = runWay(() -> new SdkBaselineWay(SdkBaselineWay.POLL_EVERY), n, plan, scale, false);
            rows.add(new WayResult[] {ours, base});
        }
        LargeResultCase.Result large = null;
        if (largeMb > 0) {
            System.out.printf(Locale.ROOT, "large results: %d MB%n", largeMb);
            large = LargeResultCase.run(largeMb * 1024 * 1024, folderOf(out).resolve("large-result-work"));
        }
        long totalSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);

        String table = Report.table(rows, large);
        System.out.println();
        System.out.println(table);
        ObjectNode json = Report.json(rows, large, seed, scale, OURS_POLL, totalSeconds);
        ((ObjectNode) json.get("setup")).put("ours_history_max_batch", maxBatch);
        Files.createDirectories(folderOf(out));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        System.out.printf(Locale.ROOT, "wrote %s (total %d s)%n", out, totalSeconds);
    }

    static WayResult runWay(Supplier<Way> factory, int n, BenchPlan plan, double scale, boolean warmup) throws Exception {
        SandboxConfig config = SandboxConfig.defaults().withTimeScale(scale);
        String[] jobIds = new String[n];
        Instant[] detected = new Instant[n];
        try (Sandbox sandbox = Sandbox.start(config); Way way = factory.get()) {
            sandbox.genesys().setJobPlanner(plan);
            Jvm.heapAfterGc();
            long cpu0 = Jvm.processCpuNanos();
            long sandboxCpu0 = Jvm.sandboxCpuNanos();
            long wall0 = System.nanoTime();
            ThreadSampler threads = ThreadSampler.start(way.alwaysCounted());
            way.start(sandbox, n, jobIds, detected);
            int waitingAtSample = way.waiting();
            long heapWaiting = Jvm.heapAfterGc();
            threads.sample();
            Instant deadline = Instant.now().plus(scaled(plan.longest(n), scale)).plus(SdkBaselineWay.POLL_EVERY)
                    .plus(OURS_POLL.maxInterval()).plusSeconds(30);
            if (!way.await(deadline)) {
                System.out.printf(Locale.ROOT, "  %s: %d jobs still unreported at the deadline%n", way.name(), way.waiting());
            }
            threads.close();
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wall0);
            long cpuProcess = Jvm.processCpuNanos() - cpu0 - threads.selfCpuNanos();
            long cpuSandbox = Jvm.sandboxCpuNanos() - sandboxCpu0;
            SandboxCounters c = sandbox.counters();
            long tokens = c.tokenRequests();
            long gets = c.statusRequests();
            long history = c.historyRequests();
            long submits = c.submitRequests();
            Map<String, Instant> byJob = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (jobIds[i] != null && detected[i] != null) {
                    byJob.put(jobIds[i], detected[i]);
                }
            }
            Latencies lat = Latencies.of(sandbox.genesys(), byJob);
            int pollErrors = way.pollErrors();
            way.close();
            long heapAfter = Jvm.heapAfterGc();
            long delta = Math.max(0, heapWaiting - heapAfter);
            WayResult r = new WayResult(way.name(), n, threads.peak(), tokens, gets + history, history, gets, submits,
                    lat.percentile(50), lat.percentile(95), lat.percentile(100),
                    waitingAtSample == 0 ? -1 : delta / waitingAtSample, delta, waitingAtSample,
                    TimeUnit.NANOSECONDS.toMillis(cpuProcess), TimeUnit.NANOSECONDS.toMillis(cpuProcess - cpuSandbox), wall,
                    lat.count(), pollErrors);
            if (!warmup) {
                System.out.printf(Locale.ROOT, "  %-8s N=%-5d threads %-5d tokens %-5d status %-6d (history %d, get %d) p50 %d ms p95 %d ms"
                                + " heap/job %d B (%d waiting) cpu %d ms (client %d ms) wall %d s detected %d errors %d%n",
                        r.way(), n, r.threadsPeak(), r.tokenRequests(), r.statusRequests(), r.historyRequests(), r.jobGetRequests(),
                        r.p50LatencyMs(), r.p95LatencyMs(), r.heapPerJobBytes(), r.waitingAtHeapSample(), r.cpuProcessMs(),
                        r.cpuClientMs(), wall / 1000, r.detected(), r.pollErrors());
                System.out.println("           threads at peak: " + threads.peakSummary());
            }
            return r;
        }
    }

    static Duration scaled(Duration d, double scale) {
        return Duration.ofNanos(Math.round(d.toNanos() * scale));
    }

    private static String sdkVersion() {
        Package p = ApiClient.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "platform-client-v2" : "platform-client-v2 " + v;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                m.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length) {
                m.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        return m;
    }

    private static Path folderOf(Path file) {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a folder");
    }
}
