package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.time.Instant;
import java.util.List;

/** What the job endpoints need of the AvePoint stand-in: its tenant's jobs, who is calling, and the clock. */
interface JobSource {
    void authorize(SandboxRequest request);

    List<D365Job> matching(JobFilter filter);

    void afterPage(JobFilter filter);

    Instant now();
}
