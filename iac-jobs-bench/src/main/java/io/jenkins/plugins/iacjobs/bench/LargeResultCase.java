package io.jenkins.plugins.iacjobs.bench;

import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlan;
import io.jenkins.plugins.iacjobs.sandbox.genesys.ResultsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * One job whose {@code results} string is {@code bytes} long (a JSON array, generated lazily by the sandbox), taken
 * through the real path: {@link GenesysJobs#fetchFinal} streams the job to disk, {@code JobReportWriter} copies the
 * results string out and pretty-prints it. Heap growth is read as heap after full collections, sampled during the
 * write: the memory the write retains, not the garbage it leaves for the collector.
 */
final class LargeResultCase {
    record Result(long resultBytes, long heapGrowthAfterGcBytes, long heapGrowthRawPeakBytes, long writtenBytes, long wallMs) {
    }

    private static final String ELEMENT = "{\"type\":\"genesyscloud_routing_queue\",\"id\":\"6f1d0c5e-2b8a-4c7e-9d3f-1a2b3c4d5e6f\","
            + "\"name\":\"bench-queue\",\"description\":\"Queue created by the benchmark\"}";

    private LargeResultCase() {
    }

    static Result run(long bytes, Path workDir) throws Exception {
        long copies = Math.max(1, (bytes - 2) / (ELEMENT.length() + 1));
        long resultChars = 2 + copies * ELEMENT.length() + (copies - 1);
        Clock clock = Clock.systemUTC();
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.01));
             JobWatcher watcher = JobWatcher.create()) {
            sandbox.genesys().setJobPlanner((acc, params, dryRun, index) ->
                    JobPlan.complete(ResultsSource.jsonArray(ELEMENT, copies)));
            OkHttpClient http = HttpClients.create(HttpSettings.defaults());
            GenesysClient client = GenesysClient.connect(http, Json.newMapper(), GenesysEndpoints.forBaseUrl(sandbox.baseUrl()),
                    new ClientCredentials(sandbox.genesysClientId(), sandbox.genesysClientSecret()), new TokenSourceRegistry(), clock);
            GenesysJobs jobs = GenesysJobs.create(client, "large", clock);
            JobRunner runner = new JobRunner(jobs, watcher, "bench", clock);
            SubmittedJob job = jobs.submit(new GenesysJobRequest(AcceleratorCatalogue.SIMPLE_IVR_ID,
                    Map.of("queue_name", "bench-large"), false), line -> { });
            WatchHandle handle = runner.handleFor(job);
            JobSnapshot last = runner.watch(handle, new WatchListener() { }, PollSettings.defaults(), Duration.ofMinutes(2)).result()
                    .get(2, TimeUnit.MINUTES);

            Files.createDirectories(workDir);
            long before = Jvm.heapAfterGc();
            HeapWatch heap = HeapWatch.start(before);
            long started = System.nanoTime();
            JobResult result;
            try {
                result = runner.finish(handle, last, job, workDir, null);
            } finally {
                heap.close();
            }
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long written = 0;
            for (String f : result.artifacts()) {
                written += Files.size(workDir.resolve(f));
            }
            http.connectionPool().evictAll();
            return new Result(resultChars, heap.maxAfterGc - before, heap.maxRaw - before, written, wall);
        } finally {
            deleteTree(workDir);
        }
    }

    /** Samples heap used constantly and heap after GC a few times a second, on a thread of its own. */
    private static final class HeapWatch implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        volatile long maxAfterGc;
        volatile long maxRaw;

        private HeapWatch(long before) {
            maxAfterGc = before;
            maxRaw = before;
            thread = new Thread(this::loop, ThreadSampler.BENCH_PREFIX + "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapWatch start(long before) {
            HeapWatch h = new HeapWatch(before);
            h.thread.start();
            return h;
        }

        private void loop() {
            long nextGc = System.nanoTime();
            while (running) {
                maxRaw = Math.max(maxRaw, Jvm.heapUsedNow());
                if (System.nanoTime() >= nextGc) {
                    System.gc();
                    maxAfterGc = Math.max(maxAfterGc, Jvm.heapUsedNow());
                    nextGc = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
