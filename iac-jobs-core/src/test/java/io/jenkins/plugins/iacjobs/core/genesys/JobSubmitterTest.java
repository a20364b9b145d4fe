package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.CrashingJournal;
import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.sandbox.genesys.HistoryShape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A lost submit answer is resolved from the history: the job is adopted, never created twice. */
class JobSubmitterTest {

    @ParameterizedTest
    @EnumSource(HistoryShape.class)
    void aLostAnswerIsFoundInTheHistoryAndNotResent(HistoryShape shape) {
        SandboxConfig config = SandboxConfig.defaults().withTimeScale(0.05).withHistoryShape(shape)
                .withFaults(FaultPlan.none().withDropSubmitResponses(1));
        try (SandboxFixture f = new SandboxFixture(config)) {
            List<String> log = new ArrayList<>();
            SubmittedJob job = f.jobs().submit(new GenesysJobRequest("Simple IVR", Map.of("queue_name", "Support"), true), log::add);
            assertEquals(1, f.sandbox.counters().jobsCreated());
            assertEquals(1, f.sandbox.counters().submitRequests());
            assertEquals(1, f.sandbox.counters().submissionsFor(AcceleratorCatalogue.SIMPLE_IVR_ID));
            assertEquals(f.sandbox.genesys().jobs().get(0).id(), job.jobId());
            assertTrue(log.stream().anyMatch(l -> l.contains("not submitting again")), log.toString());
        }
    }

    /** An input a front end knows holds a secret (a withCredentials variable) is masked like the accelerator's own. */
    @Test
    void inputsTheFrontEndMarksSensitiveAreMaskedWhereverTheyAreShown() {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05))) {
            Instant sentAt = Instant.now();
            GenesysJobRequest request = new GenesysJobRequest("Simple IVR", Map.of("queue_name", "q-from-a-vault", "division", "Home"),
                    true).withSensitive(Set.of("queue_name"));
            List<String> log = new ArrayList<>();
            SubmittedJob sent = f.jobs().submit(request, log::add);
            assertEquals(Map.of("queue_name", "********", "division", "Home"), sent.shownParams());
            assertTrue(log.stream().noneMatch(l -> l.contains("q-from-a-vault")), log.toString());
            assertEquals("********", f.jobs().findSubmitted(request, sentAt).orElseThrow().shownParams().get("queue_name"));
            assertEquals("q-from-a-vault", f.sandbox.genesys().jobs().get(0).parameters().get("queue_name"), "sent as it is");
        }
    }

    @Test
    void aSubmissionLostAcrossARestartIsFoundByANewProcess() {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05))) {
            Instant sentAt = Instant.now();
            GenesysJobRequest request = new GenesysJobRequest("Simple IVR", Map.of("queue_name", "Support", "flow_api_secret", "s3cr3t-value"), true);
            SubmittedJob sent = f.jobs().submit(request, l -> { });
            SubmittedJob found = f.jobs().findSubmitted(request, sentAt).orElseThrow(); // a fresh GenesysJobs: the restarted controller
            assertEquals(sent.jobId(), found.jobId());
            assertEquals("********", found.shownParams().get("flow_api_secret"));
            assertTrue(f.jobs().findSubmitted(new GenesysJobRequest("Queue Setup", Map.of(), true), sentAt).isEmpty());
        }
    }

    /**
     * Issue 24: a burst of builds, and the process dies after the remote made a job but before the answer was kept.
     * The record kept before the send names the jobs of ours already in its window, so the next process finds the
     * one job that send made among its neighbours; the send time alone (what was kept before) could not.
     */
    @Test
    void aSendCutOffByACrashIsFoundAmongItsNeighboursByWhatWasKeptBeforeIt() {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05))) {
            GenesysJobs before = f.jobs();
            List<String> neighbours = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // other builds' jobs, kept by them, within the same second
                neighbours.add(before.submit(new GenesysJobRequest("Simple IVR", Map.of("queue_name", "Q" + i), true), l -> { }).jobId());
            }
            GenesysJobRequest request = new GenesysJobRequest("Simple IVR", Map.of("queue_name", "in-flight"), true);
            CrashingJournal journal = new CrashingJournal();
            assertThrows(CrashingJournal.Crash.class, () -> before.submit(request, l -> { }, journal));
            assertEquals(4, f.sandbox.genesys().jobs().size());
            SendRecord record = journal.record();
            assertEquals(Set.copyOf(neighbours), Set.copyOf(record.excluded()), "the jobs of ours already in the window");
            String made = f.sandbox.genesys().jobs().stream().map(j -> j.id()).filter(id -> !neighbours.contains(id)).findFirst().orElseThrow();

            GenesysJobs after = f.jobs(); // the next process knows nothing but the record
            assertEquals(made, after.findSubmitted(request, record).orElseThrow().jobId());
            OutcomeUnknownException byTimeAlone = assertThrows(OutcomeUnknownException.class,
                    () -> f.jobs().findSubmitted(request, record.sentAt()));
            assertTrue(byTimeAlone.getMessage().contains("4 jobs that may be it"), byTimeAlone.getMessage());
            assertEquals(4, f.sandbox.genesys().jobs().size(), "looking sends nothing");
        }
    }

    @Test
    void anotherProcesssEarlierJobOfTheSameAcceleratorIsNotMistakenForALostOne() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05))) {
            GenesysJobRequest request = new GenesysJobRequest("Simple IVR", Map.of("queue_name", "Support"), true);
            f.jobs().submit(request, l -> { }); // an earlier build, in another process
            Thread.sleep(3_500); // longer than the Date header's precision plus margin
            Instant sentAt = Instant.now();
            assertTrue(f.jobs().findSubmitted(request, sentAt).isEmpty(),
                    "a job submitted seconds before our send, by the remote's clock, is not ours");
        }
    }

    @ParameterizedTest
    @EnumSource(value = HistoryShape.class, names = {"ENTITIES", "SINGLE"})
    void everyFaultAtOnceStillCreatesExactlyOneJob(HistoryShape shape) {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05).withHistoryShape(shape).withFaults(FaultPlan.all()))) {
            GenesysJobs jobs = f.jobs(); // one per connection, as front ends hold it
            for (int i = 0; i < 3; i++) {
                jobs.submit(new GenesysJobRequest("Queue Setup", Map.of("queue_name", "Q" + i, "routing_method", "Bullseye"), false), l -> { });
            }
            assertEquals(3, f.sandbox.counters().jobsCreated());
            f.sandbox.genesys().jobs().forEach(j -> assertEquals(1, f.sandbox.counters().submissionsFor(j.id())));
        }
    }

    /**
     * Many submissions of one accelerator at once through one connection, while answers get lost: none may report a
     * job that another submission created (the history cannot tell them apart by parameters). A submission that
     * cannot tell fails as lost and lists the candidates.
     */
    @Test
    void concurrentSubmissionsWithLostAnswersNeverAdoptAnotherOnesJob() throws Exception {
        SandboxConfig config = SandboxConfig.defaults().withTimeScale(0.05).withFaults(FaultPlan.parse("5xx=4,drop-submit=8"));
        try (SandboxFixture f = new SandboxFixture(config)) {
            GenesysJobs jobs = GenesysJobs.create(f.client(), "test|" + f.sandbox.baseUrl(), f.clock);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<SubmittedJob>> runs = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    String queue = "q" + i;
                    runs.add(pool.submit(() -> jobs.submit(new GenesysJobRequest("Queue Setup",
                            Map.of("queue_name", queue, "routing_method", "Standard"), false), l -> { })));
                }
                int wrong = 0;
                int lost = 0;
                Set<String> reported = new HashSet<>();
                for (int i = 0; i < runs.size(); i++) {
                    try {
                        SubmittedJob job = runs.get(i).get();
                        assertTrue(reported.add(job.jobId()), "job " + job.jobId() + " reported twice");
                        if (!("q" + i).equals(f.sandbox.genesys().jobs().stream().filter(j -> j.id().equals(job.jobId()))
                                .findFirst().map(j -> j.parameters().get("queue_name")).orElse(null))) {
                            wrong++;
                        }
                    } catch (ExecutionException e) {
                        assertTrue(e.getCause() instanceof OutcomeUnknownException, e.getCause().toString());
                        lost++;
                    }
                }
                assertEquals(0, wrong, "submissions that reported a job created for other parameters (" + lost + " failed as lost)");
                assertTrue(f.sandbox.counters().faultsInjected() > 0, "the faults must have happened");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
