package io.jenkins.plugins.iacjobs.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.SendJournal;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A system served by the demo's in-process sandbox: as the real one, but with no links to the remote, since the
 * sandbox's port is gone once the demo ends, and with hints that say there is nothing to pick up afterwards.
 */
record DemoSystem<R extends JobRequest>(RemoteJobSystem<R> system, String sandboxUrl, String prog) implements RemoteJobSystem<R>, Where {

    @Override
    public String systemId() {
        return system.systemId();
    }

    @Override
    public String displayName() {
        return system.displayName();
    }

    @Override
    public String requireJobId(String field, String jobId) {
        return system.requireJobId(field, jobId);
    }

    @Override
    public SubmittedJob submit(R request, Consumer<String> log, SendJournal journal) {
        return system.submit(request, log, journal);
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(R request, SendRecord sent) {
        return system.findSubmitted(request, sent);
    }

    @Override
    public SubmittedJob describe(String jobId) {
        return system.describe(jobId);
    }

    @Override
    public JobProbe probe() {
        return system.probe();
    }

    @Override
    public CancelOutcome cancel(String jobId) {
        return system.cancel(jobId);
    }

    @Override
    public FinalJob fetchFinal(String jobId, Path workDir, @CheckForNull Instant deadline) {
        return system.fetchFinal(jobId, workDir, deadline);
    }

    @Override
    @CheckForNull
    public String remoteUrl(String jobId) {
        return null;
    }

    @Override
    public String remote() {
        return "demo|" + sandboxUrl;
    }

    @Override
    public String waitCommand(String jobId) {
        return prog + " demo";
    }
}
