package io.jenkins.plugins.iacjobs.sandbox.genesys;

import io.jenkins.plugins.iacjobs.sandbox.FaultInjector;
import io.jenkins.plugins.iacjobs.sandbox.SandboxCounters;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What the job endpoints need of the Genesys stand-in: its jobs, who is calling, and the clock. */
interface JobStore {
    Collection<SandboxJob> allJobs();

    String authorize(SandboxRequest request);

    AcceleratorCatalogue catalogue();

    SandboxCounters counters();

    SandboxJob createJob(Accelerator accelerator, Map<String, String> parameters, boolean dryRun, String clientId);

    FaultInjector faults();

    Optional<SandboxJob> findJob(String jobId);

    HistoryShape historyShape();

    Instant now();

    /** Seconds this submission's answer waits after its job was made (0: none); each call is one submission. */
    int takeAnswerHold();
}
