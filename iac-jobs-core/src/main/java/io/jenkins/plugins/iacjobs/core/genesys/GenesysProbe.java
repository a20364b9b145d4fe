package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls Genesys IaC jobs. Several jobs of one connection are covered by one history call (sorted by submission
 * date, filtered by our submitter) when the server answers the history with a listing; a server that answers
 * with a single job, as the SDK declares, is polled job by job.
 */
final class GenesysProbe implements JobProbe {
    private final GenesysClient client;
    private final String batchKey;
    private final SubmitterMemory submitter;
    private final int maxBatch;
    private final AtomicBoolean historyIsListing = new AtomicBoolean(true);

    GenesysProbe(GenesysClient client, String batchKey, SubmitterMemory submitter, int maxBatch) {
        this.client = client;
        this.batchKey = batchKey;
        this.submitter = submitter;
        this.maxBatch = maxBatch;
    }

    @Override
    public JobSnapshot poll(WatchHandle handle, LogSink logs) {
        InfrastructureascodeJob job = client.getJob(handle.jobId(), false);
        submitter.learn(job);
        return snapshot(job);
    }

    @Override
    public Map<String, JobSnapshot> pollMany(List<WatchHandle> handles) {
        if (!historyIsListing.get() || maxBatch < 2) {
            return Map.of();
        }
        JobHistory history = client.jobHistory(new JobHistoryQuery(Math.min(maxBatch, handles.size() + 10), false, null,
                submitter.userId(), null));
        if (!history.listing()) {
            historyIsListing.set(false);
        }
        Map<String, JobSnapshot> out = new HashMap<>();
        for (InfrastructureascodeJob j : history.jobs()) {
            if (j.id() != null && j.status() != null) {
                out.put(j.id(), snapshot(j));
            }
        }
        return out;
    }

    @Override
    public String batchKey() {
        return batchKey;
    }

    static JobSnapshot snapshot(InfrastructureascodeJob job) {
        String message = job.errorInfo() == null ? null : job.errorInfo().message();
        return new JobSnapshot(job.id(), job.status(), GenesysStatus.state(job.status()), message, null);
    }
}
