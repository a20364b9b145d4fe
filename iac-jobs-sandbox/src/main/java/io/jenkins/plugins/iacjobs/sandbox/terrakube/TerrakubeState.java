package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import io.jenkins.plugins.iacjobs.sandbox.FaultInjector;
import io.jenkins.plugins.iacjobs.sandbox.SandboxCounters;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** What the endpoints need of the Terrakube stand-in: its runs, catalogue and callers, under one lock, and the clock. */
interface TerrakubeState {
    void advanceAll();

    TokenAccess authorize(SandboxRequest request) throws IOException;

    Catalogue catalogue();

    SandboxCounters counters();

    SandboxRun create(SandboxWorkspace ws, SandboxTemplate template, String command, List<Flow> flows, String branch, String via,
                      String comments);

    FaultInjector faults();

    SandboxRun find(String jobId);

    Object lock();

    String organizationId();

    Instant now();

    boolean older();

    void remove(SandboxRun run);

    List<SandboxRun> runs();

    Timings timings();
}
