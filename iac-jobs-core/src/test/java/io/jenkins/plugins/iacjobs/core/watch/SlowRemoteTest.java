package io.jenkins.plugins.iacjobs.core.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remotes that trickle one byte every few seconds must not delay other connections' jobs, nor anyone's timeout. */
class SlowRemoteTest {
    private static final PollSettings FAST = new PollSettings(Duration.ofMillis(20), Duration.ofMillis(200), 1.5, Duration.ofSeconds(30));

    private final JobWatcher watcher = JobWatcher.create(JobWatcher.DEFAULT_THREADS, Clock.systemUTC());
    private final MockWebServer trickle = new MockWebServer();
    private final OkHttpClient patient = HttpClients.create(HttpSettings.defaults().withCallTimeout(Duration.ofMinutes(5)));

    @BeforeEach
    void start() throws Exception {
        trickle.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody("{\"status\":\"Running\",\"padding\":\"" + "x".repeat(200) + "\"}")
                        .throttleBody(1, 5, TimeUnit.SECONDS);
            }
        });
        trickle.start();
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        trickle.shutdown();
    }

    /** A connection of its own (its own batch key and lane) to the trickling server. */
    private Watch watchSlow(int connection, Duration timeout) {
        GenesysJobs slow = GenesysJobs.create(GenesysClient.create(patient, Json.newMapper(), TokenSource.fixed("t"),
                GenesysEndpoints.forBaseUrl(trickle.url("/").toString())), "slow-" + connection, Clock.systemUTC());
        WatchHandle h = WatchHandle.start("genesys", "slow-" + connection, UUID.randomUUID().toString(), Clock.systemUTC().instant());
        return watcher.watch(h, slow.probe(), new RecordingListener(), FAST, timeout);
    }

    @Test
    void fourHangingConnectionsDoNotStarveAHealthyOne() throws Exception {
        List<Watch> stuck = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stuck.add(watchSlow(i, null));
        }
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05))) {
            GenesysJobs healthy = f.jobs();
            SubmittedJob job = healthy.submit(new GenesysJobRequest("Simple IVR", Map.of("queue_name", "Q"), true), l -> { });
            WatchHandle h = WatchHandle.start("genesys", "healthy", job.jobId(), Clock.systemUTC().instant());
            JobSnapshot last = watcher.watch(h, healthy.probe(), new RecordingListener(), FAST, null).result().get(60, TimeUnit.SECONDS);
            assertEquals("Complete", last.status());
        }
        stuck.forEach(w -> assertEquals(false, w.isDone(), "the slow ones are still waiting on their remote"));
    }

    @Test
    void theTimeoutFiresWhileAPollHangs() {
        Watch w = watchSlow(9, Duration.ofSeconds(1));
        ExecutionException e = assertThrows(ExecutionException.class, () -> w.result().get(60, TimeUnit.SECONDS));
        assertInstanceOf(WaitTimeoutException.class, e.getCause());
    }

    /**
     * Closing the watcher while polls hang (a JVM or Jenkins shutting down) ends its threads quietly: a poll that
     * ends after the close must not try to schedule the next one and die with an uncaught exception.
     */
    @Test
    void closingTheWatcherWhilePollsHangLeavesNoUncaughtException() throws Exception {
        Set<Thread> earlier = Thread.getAllStackTraces().keySet(); // other tests' watchers may still have threads
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(new AssertionError(t.getName(), e)));
        try {
            watchSlow(0, null);
            watchSlow(1, null);
            while (trickle.getRequestCount() < 2) {
                Thread.sleep(20); // both polls are on their way and hang
            }
            watcher.close();
            while (Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith("iac-jobs-") && !earlier.contains(t))) {
                Thread.sleep(20); // the interrupted polls end, and with them the threads
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), uncaught);
    }
}
