package io.jenkins.plugins.iacjobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;

/**
 * Core's way: one shared OkHttp client, one token source per credential, the real {@link GenesysJobs} probe and one
 * {@link JobWatcher}. Submission happens on a small pool that stands for the builds' own threads, which a Jenkins
 * step gives back once the job is handed to the watcher; those threads are not counted.
 */
final class OursWay implements Way {
    private final PollSettings poll;
    private final int maxBatch;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger errors = new AtomicInteger();
    private OkHttpClient http;
    private JobWatcher watcher;
    private CountDownLatch done;

    /** @param maxBatch jobs one history call may cover; {@link GenesysJobs#DEFAULT_MAX_BATCH} unless told */
    OursWay(PollSettings poll, int maxBatch) {
        this.poll = poll;
        this.maxBatch = maxBatch;
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public Predicate<String> alwaysCounted() {
        return name -> name.startsWith("iac-jobs-watcher-") || name.startsWith("iac-jobs-poller-") || name.startsWith("OkHttp") || name.startsWith("Okio");
    }

    @Override
    public void start(Sandbox sandbox, int n, String[] jobIds, Instant[] detected) throws Exception {
        http = HttpClients.create(HttpSettings.defaults());
        ObjectMapper json = Json.newMapper();
        GenesysEndpoints endpoints = GenesysEndpoints.forBaseUrl(sandbox.baseUrl());
        ClientCredentials credentials = new ClientCredentials(sandbox.genesysClientId(), sandbox.genesysClientSecret());
        GenesysClient client = GenesysClient.connect(http, json, endpoints, credentials, new TokenSourceRegistry(), clock);
        GenesysJobs jobs = GenesysJobs.create(client, "genesys|" + sandbox.baseUrl() + "|" + credentials.clientId(), clock,
                maxBatch);
        watcher = JobWatcher.create();
        JobRunner runner = new JobRunner(jobs, watcher, "bench", clock);
        done = new CountDownLatch(n);
        WatchListener listener = new WatchListener() {
            @Override
            public void onTrouble(IacJobsException problem, Duration retryIn) {
                errors.incrementAndGet();
            }
        };
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService submitters = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, ThreadSampler.BENCH_PREFIX + "submit-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> submitted = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int slot = i;
                submitted.add(submitters.submit(() -> {
                    SubmittedJob job = jobs.submit(new GenesysJobRequest(AcceleratorCatalogue.SIMPLE_IVR_ID,
                            Map.of("queue_name", BenchPlan.queueName(slot)), false), line -> { });
                    jobIds[slot] = job.jobId();
                    Watch w = runner.watch(runner.handleFor(job), listener, poll, null);
                    w.result().whenComplete((s, e) -> {
                        if (e == null) {
                            detected[slot] = Instant.now();
                        } else {
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    });
                    return null;
                }));
            }
            for (Future<?> f : submitted) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            submitters.shutdown();
        }
    }

    @Override
    public int waiting() {
        return (int) done.getCount();
    }

    @Override
    public boolean await(Instant deadline) throws InterruptedException {
        return done.await(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public int pollErrors() {
        return errors.get();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
