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
}
