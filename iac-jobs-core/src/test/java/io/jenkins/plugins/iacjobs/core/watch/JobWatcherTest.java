package io.jenkins.plugins.iacjobs.core.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.HistoryShape;
import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The shared watcher over real HTTP: each status once, shared threads, batching, timeout, abort and resume. */
class JobWatcherTest {
    private static final PollSettings FAST = new PollSettings(Duration.ofMillis(20), Duration.ofMillis(200), 1.5, Duration.ofSeconds(30));

    private final JobWatcher watcher = JobWatcher.create(4, Clock.systemUTC());

    @AfterEach
    void stop() {
        watcher.close();
    }

    private static SubmittedJob submit(GenesysJobs jobs, String queue) {
        return jobs.submit(new GenesysJobRequest("Simple IVR", Map.of("queue_name", queue), true), l -> { });
    }

    private static WatchHandle handle(SubmittedJob job) {
        return WatchHandle.start("genesys", "test", job.jobId(), Clock.systemUTC().instant()).withProgress(job.status(), null);
    }

    @Test
    void reportsEachStatusChangeOnceInOrder() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.3))) {
            GenesysJobs jobs = f.jobs();
            RecordingListener l = new RecordingListener();
            JobSnapshot last = watcher.watch(handle(submit(jobs, "A")), jobs.probe(), l, FAST, null).result().get(30, TimeUnit.SECONDS);
            assertEquals("Complete", last.status());
            assertEquals(List.of("Queued", "Running", "Complete"), l.statuses);
            assertTrue(l.threads.stream().allMatch(t -> t.startsWith("iac-jobs-poller-")), l.threads.toString());
        }
    }

    @Test
    void aFailedJobEndsTheWatchWithItsStatusNotAnException() throws Exception {
        try (SandboxFixture f = SandboxFixture.fast()) {
            f.sandbox.genesys().setJobPlanner((id, p, dry, i) -> JobPlan.failed("bad.request", "trunk missing"));
            GenesysJobs jobs = f.jobs();
            JobSnapshot last = watcher.watch(handle(submit(jobs, "A")), jobs.probe(), new RecordingListener(), FAST, null)
                    .result().get(30, TimeUnit.SECONDS);
            assertEquals(JobState.FAILED, last.state());
        }
    }

    @Test
    void manyJobsShareTheFixedThreadsAndOneListingCallPerTick() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.3))) {
            GenesysJobs jobs = f.jobs();
            List<Watch> watches = new ArrayList<>();
            Set<String> threadNames = new HashSet<>();
            RecordingListener l = new RecordingListener();
            for (int i = 0; i < 40; i++) {
                watches.add(watcher.watch(handle(submit(jobs, "Q" + i)), jobs.probe(), l, FAST, null));
            }
            long before = f.sandbox.counters().statusRequests() + f.sandbox.counters().historyRequests();
            for (Watch w : watches) {
                assertEquals("Complete", w.result().get(60, TimeUnit.SECONDS).status());
            }
            Thread.getAllStackTraces().keySet().forEach(t -> threadNames.add(t.getName()));
            assertTrue(threadNames.stream().filter(n -> n.startsWith("iac-jobs-watcher-")).count() <= 4);
            assertTrue(threadNames.stream().filter(n -> n.startsWith("iac-jobs-poller-")).count() <= Lanes.PER_LANE,
                    "one connection is one lane: " + threadNames);
            assertEquals(3 * 40, l.statuses.size(), "each of Queued, Running, Complete once per job");
            long polls = f.sandbox.counters().statusRequests() + f.sandbox.counters().historyRequests() - before;
            assertTrue(f.sandbox.counters().historyRequests() > 0, "the listing was used");
            assertTrue(polls < 40 * 3, "far fewer requests than one per job per status: " + polls);
        }
    }

    @Test
    void aServerThatAnswersTheHistoryWithOneJobIsPolledJobByJob() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.1).withHistoryShape(HistoryShape.SINGLE))) {
            GenesysJobs jobs = f.jobs();
            List<Watch> watches = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                watches.add(watcher.watch(handle(submit(jobs, "Q" + i)), jobs.probe(), new RecordingListener(), FAST, null));
            }
            for (Watch w : watches) {
                assertEquals("Complete", w.result().get(60, TimeUnit.SECONDS).status());
            }
            assertTrue(f.sandbox.counters().historyRequests() <= 1, "gave up on the listing after one single-job answer");
        }
    }

    @Test
    void everyFaultModeStillReachesTheOutcome() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.2).withFaults(FaultPlan.all()))) {
            GenesysJobs jobs = f.jobs();
            RecordingListener l = new RecordingListener();
            JobSnapshot last = watcher.watch(handle(submit(jobs, "A")), jobs.probe(), l, FAST, null).result().get(60, TimeUnit.SECONDS);
            assertEquals("Complete", last.status());
            assertEquals("Complete", l.statuses.get(l.statuses.size() - 1));
            assertEquals(l.statuses.size(), l.statuses.stream().distinct().count(), "no status twice: " + l.statuses);
            assertFalse(l.troubles.isEmpty(), "faults were met and retried");
            assertEquals(1, f.sandbox.counters().jobsCreated());
        }
    }

    @Test
    void theTimeoutEndsTheWaitClearly() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(100))) {
            GenesysJobs jobs = f.jobs();
            Watch w = watcher.watch(handle(submit(jobs, "A")), jobs.probe(), new RecordingListener(), FAST, Duration.ofMillis(300));
            ExecutionException e = Assertions.assertThrows(ExecutionException.class, () -> w.result().get(30, TimeUnit.SECONDS));
            WaitTimeoutException t = assertInstanceOf(WaitTimeoutException.class, e.getCause());
            assertTrue(t.getMessage().contains("after 300ms (the timeout)") && t.getMessage().contains("the last status seen was"), t.getMessage());
        }
    }

    @Test
    void cancellingStopsWatchingAtOnce() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(100))) {
            GenesysJobs jobs = f.jobs();
            Watch w = watcher.watch(handle(submit(jobs, "A")), jobs.probe(), new RecordingListener(), FAST, null);
            w.cancel();
            ExecutionException e = Assertions.assertThrows(ExecutionException.class, () -> w.result().get(5, TimeUnit.SECONDS));
            assertInstanceOf(WaitAbortedException.class, e.getCause());
            assertEquals(0, watcher.activeWatches());
        }
    }

    @Test
    void aSerialisedHandleResumesWithoutRepeatingTheLastStatus() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.5))) {
            GenesysJobs jobs = f.jobs();
            RecordingListener first = new RecordingListener();
            Watch w = watcher.watch(handle(submit(jobs, "A")), jobs.probe(), first, FAST, null);
            while (!first.statuses.contains("Queued")) {
                Thread.sleep(10);
            }
            w.cancel(); // the controller goes down
            byte[] persisted = serialise(w.handle());
            assertFalse(new String(persisted, StandardCharsets.ISO_8859_1).contains(f.sandbox.genesysClientSecret()));

            WatchHandle restored = deserialise(persisted);
            RecordingListener second = new RecordingListener();
            GenesysJobs afterRestart = f.jobs();
            JobSnapshot last = watcher.watch(restored, afterRestart.probe(), second, FAST, null).result().get(30, TimeUnit.SECONDS);
            assertEquals("Complete", last.status());
            assertFalse(second.statuses.contains(restored.lastStatus()), "resumed without repeating " + restored.lastStatus() + ": " + second.statuses);
            assertEquals("Complete", second.statuses.get(second.statuses.size() - 1));
        }
    }

    private static byte[] serialise(WatchHandle h) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(h);
        }
        return b.toByteArray();
    }

    private static WatchHandle deserialise(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (WatchHandle) in.readObject();
        }
    }

    @Test
    void oneListingRefreshesEveryWatchedJobNotOnlyTheDueOnes() throws Exception {
        Map<String, String> status = new ConcurrentHashMap<>(Map.of("a", "Running", "b", "Running"));
        AtomicInteger alone = new AtomicInteger();
        List<Integer> listingSizes = Collections.synchronizedList(new ArrayList<>());
        JobProbe probe = new JobProbe() {
            @Override
            public JobSnapshot poll(WatchHandle h, LogSink logs) {
                alone.incrementAndGet();
                return snapshot(h.jobId(), status.get(h.jobId()));
            }

            @Override
            public Map<String, JobSnapshot> pollMany(List<WatchHandle> handles) {
                listingSizes.add(handles.size());
                Map<String, JobSnapshot> out = new HashMap<>();
                handles.forEach(h -> out.put(h.jobId(), snapshot(h.jobId(), status.get(h.jobId()))));
                return out;
            }

            @Override
            public String batchKey() {
                return "fake";
            }
        };
        PollSettings settings = new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, Duration.ofMinutes(1));
        Watch a = watcher.watch(WatchHandle.start("fake", "c", "a", Clock.systemUTC().instant()), probe, new RecordingListener(), settings, null);
        Thread.sleep(50); // b is due at once, a only in about 950 ms: far outside the coalescing window
        Watch b = watcher.watch(WatchHandle.start("fake", "c", "b", Clock.systemUTC().instant()), probe, new RecordingListener(), settings, null);
        Thread.sleep(2_500);
        status.put("a", "Complete");
        status.put("b", "Complete");
        assertEquals("Complete", a.result().get(10, TimeUnit.SECONDS).status());
        assertEquals("Complete", b.result().get(10, TimeUnit.SECONDS).status());
        assertEquals(1, alone.get(), "only a's first poll, before b existed, went alone; b's first tick covered a too");
        assertTrue(listingSizes.stream().allMatch(n -> n == 2), "every listing asked for both jobs: " + listingSizes);
        assertTrue(listingSizes.size() <= 6, "b joined a's tick instead of ticking on its own: " + listingSizes.size());
    }

    @Test
    void oldJobsStillRunningBehindNewerFinishedOnesStayCoveredByTheListing() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(1.0))) {
            f.sandbox.genesys().setJobPlanner((id, p, dry, index) -> JobPlan.complete(null)
                    .withPhases(Duration.ZERO, Duration.ZERO, Duration.ofMillis(index < 3 ? 3_000 : 100)));
            GenesysJobs jobs = f.jobs();
            List<Watch> watches = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                watches.add(watcher.watch(handle(submit(jobs, "Q" + i)), jobs.probe(), new RecordingListener(), FAST, null));
            }
            for (Watch w : watches) {
                assertEquals("Complete", w.result().get(60, TimeUnit.SECONDS).status());
            }
            // The three oldest run on long after the twenty newer ones finished: the history, newest first, must
            // reach past the finished ones rather than leave the old ones to one GET each per tick.
            long gets = f.sandbox.counters().statusRequests();
            assertTrue(gets <= 6, "old running jobs fell out of the listing: " + gets + " single-job GETs");
        }
    }

    private static JobSnapshot snapshot(String id, String status) {
        JobState state = "Complete".equals(status) ? JobState.SUCCEEDED : JobState.RUNNING;
        return new JobSnapshot(id, status, state, null, null);
    }
}
