package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.sandbox.genesys.HistoryShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            SubmittedJob job = f.jobs().submit(new JobRequest("Simple IVR", Map.of("queue_name", "Support"), true, Map.of()), log::add);
            assertEquals(1, f.sandbox.counters().jobsCreated());
            assertEquals(1, f.sandbox.counters().submitRequests());
            assertEquals(1, f.sandbox.counters().submissionsFor(AcceleratorCatalogue.SIMPLE_IVR_ID));
            assertEquals(f.sandbox.genesys().jobs().get(0).id(), job.jobId());
            assertTrue(log.stream().anyMatch(l -> l.contains("not submitting again")), log.toString());
        }
    }

    @org.junit.jupiter.api.Test
    void aSubmissionLostAcrossARestartIsFoundByANewProcess() {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05))) {
            java.time.Instant sentAt = java.time.Instant.now();
            JobRequest request = new JobRequest("Simple IVR", Map.of("queue_name", "Support", "flow_api_secret", "s3cr3t-value"), true, Map.of());
            SubmittedJob sent = f.jobs().submit(request, l -> { });
            SubmittedJob found = f.jobs().findSubmitted(request, sentAt).orElseThrow(); // a fresh GenesysJobs: the restarted controller
            assertEquals(sent.jobId(), found.jobId());
            assertEquals("********", found.shownParams().get("flow_api_secret"));
            assertTrue(f.jobs().findSubmitted(new JobRequest("Queue Setup", Map.of(), true, Map.of()), sentAt).isEmpty());
        }
    }

    @org.junit.jupiter.api.Test
    void anotherProcesssEarlierJobOfTheSameAcceleratorIsNotMistakenForALostOne() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05))) {
            JobRequest request = new JobRequest("Simple IVR", Map.of("queue_name", "Support"), true, Map.of());
            f.jobs().submit(request, l -> { }); // an earlier build, in another process
            Thread.sleep(3_500); // longer than the Date header's precision plus margin
            java.time.Instant sentAt = java.time.Instant.now();
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
                jobs.submit(new JobRequest("Queue Setup", Map.of("queue_name", "Q" + i, "routing_method", "Bullseye"), false, Map.of()), l -> { });
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
    @org.junit.jupiter.api.Test
    void concurrentSubmissionsWithLostAnswersNeverAdoptAnotherOnesJob() throws Exception {
        SandboxConfig config = SandboxConfig.defaults().withTimeScale(0.05).withFaults(FaultPlan.parse("5xx=4,drop-submit=8"));
        try (SandboxFixture f = new SandboxFixture(config)) {
            GenesysJobs jobs = GenesysJobs.create(f.client(), "test|" + f.sandbox.baseUrl(), f.clock, java.time.Duration.ofSeconds(2));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            List<java.util.concurrent.Future<SubmittedJob>> runs = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    String queue = "q" + i;
                    runs.add(pool.submit(() -> jobs.submit(new JobRequest("Queue Setup",
                            Map.of("queue_name", queue, "routing_method", "Standard"), false, Map.of()), l -> { })));
                }
                int wrong = 0;
                int lost = 0;
                java.util.Set<String> reported = new java.util.HashSet<>();
                for (int i = 0; i < runs.size(); i++) {
                    try {
                        SubmittedJob job = runs.get(i).get();
                        assertTrue(reported.add(job.jobId()), "job " + job.jobId() + " reported twice");
                        if (!("q" + i).equals(f.sandbox.genesys().jobs().stream().filter(j -> j.id().equals(job.jobId()))
                                .findFirst().map(j -> j.parameters().get("queue_name")).orElse(null))) {
                            wrong++;
                        }
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertTrue(e.getCause() instanceof io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException, e.getCause().toString());
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
