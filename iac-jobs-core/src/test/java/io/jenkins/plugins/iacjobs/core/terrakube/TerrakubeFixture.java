package io.jenkins.plugins.iacjobs.core.terrakube;

import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/** A sandbox, a shared HTTP client and watcher, and helpers to run Terrakube jobs against it. */
final class TerrakubeFixture implements AutoCloseable {
    static final PollSettings FAST = new PollSettings(Duration.ofMillis(20), Duration.ofMillis(60), 1.5, Duration.ofMinutes(5));
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    final Sandbox sandbox;
    final OkHttpClient http = HttpClients.create(HttpSettings.defaults());
    final JobWatcher watcher = JobWatcher.create();

    TerrakubeFixture(double timeScale, FaultPlan faults) {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(timeScale).withFaults(faults));
    }

    TerrakubeJobs jobs() {
        return jobs(sandbox.terrakube().token());
    }

    /** A new instance, as after a restart: it knows nothing of jobs submitted before. */
    TerrakubeJobs jobs(String token) {
        return TerrakubeJobs.create(http, Json.newMapper(),
                TerrakubeServer.of(sandbox.baseUrl(), "sandbox-org"), TokenSource.fixed(token), Clock.systemUTC());
    }

    /** What watching saw. {@code log} is the text the watcher streamed, in order. */
    record Outcome(JobSnapshot last, String log, List<String> statuses, WatchHandle handle) {
    }

    Outcome watch(TerrakubeJobs jobs, WatchHandle handle) throws Exception {
        return watch(jobs, handle, s -> { });
    }

    Outcome watch(TerrakubeJobs jobs, WatchHandle handle, Consumer<JobSnapshot> onStatus) throws Exception {
        StringBuilder log = new StringBuilder();
        List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        JobRunner runner = new JobRunner(jobs, watcher, "sandbox", Clock.systemUTC());
        Watch w = runner.watch(handle, new WatchListener() {
            @Override
            public void onLog(String text) {
                synchronized (log) {
                    log.append(text);
                }
            }

            @Override
            public void onStatus(JobSnapshot snapshot, Instant at) {
                statuses.add(snapshot.status());
                onStatus.accept(snapshot);
            }
        }, FAST, TIMEOUT);
        JobSnapshot last = w.result().get(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        synchronized (log) {
            return new Outcome(last, log.toString(), List.copyOf(statuses), w.handle());
        }
    }

    WatchHandle handleFor(SubmittedJob job) {
        return WatchHandle.start("terrakube", "sandbox", job.jobId(), Instant.now());
    }

    /** The streamed text without the headers and notes the client adds between step logs. */
    static String remoteBytesOnly(String streamed) {
        return streamed.replaceAll("\n--- Step \\d+ '[^']*' ---\n", "").replaceAll("(?m)^\\[iacjobs\\][^\n]*\n", "");
    }

    String expectedLog(String jobId) {
        return String.join("", sandbox.terrakube().stepLogs(jobId));
    }

    @Override
    public void close() {
        watcher.close();
        sandbox.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
