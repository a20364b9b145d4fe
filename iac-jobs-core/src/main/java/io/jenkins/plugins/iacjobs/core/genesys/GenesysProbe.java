package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls Genesys IaC jobs. Several jobs of one connection are covered by one history call (sorted by submission
 * date, filtered by our submitter) when the server answers the history with a listing; a server that answers
 * with a single job, as the SDK declares, is polled job by job.
 */
final class GenesysProbe implements JobProbe {
    private final GenesysClient client;
    private final String batchKey;
    private final SubmitterMemory submitter;
    /** The most jobs one history call asks for; halved when the server refuses a size. */
    private final AtomicInteger maxBatch;
    /** Below this, a refused size is not the size's fault. */
    private static final int MIN_BATCH = 25;
    /** Jobs listed beyond the deepest one watched, for jobs submitted meanwhile. */
    private static final int MARGIN = 10;

    private final AtomicBoolean historyIsListing = new AtomicBoolean(true);
    /** How deep in the history the oldest watched job was last seen. */
    private final AtomicInteger depth = new AtomicInteger();

    GenesysProbe(GenesysClient client, String batchKey, SubmitterMemory submitter, int maxBatch) {
        this.client = client;
        this.batchKey = batchKey;
        this.submitter = submitter;
        this.maxBatch = new AtomicInteger(maxBatch);
    }

    @Override
    public JobSnapshot poll(WatchHandle handle, LogSink logs) {
        InfrastructureascodeJob job = client.getJob(handle.jobId(), false);
        submitter.learn(job);
        return snapshot(job);
    }

    @Override
    public Map<String, JobSnapshot> pollMany(List<WatchHandle> handles) {
        int cap = maxBatch.get();
        if (!historyIsListing.get() || cap < 2) {
            return Map.of();
        }
        int want = Math.min(cap, Math.max(handles.size(), depth.get()) + MARGIN);
        JobHistory history;
        try {
            history = client.jobHistory(new JobHistoryQuery(want, false, null, submitter.userId(), null));
        } catch (RemoteApiException e) {
            // The largest maxResults Genesys accepts is not documented: if it refuses this one, ask for half next time.
            if ((e.status() == 400 || e.status() == 413 || e.status() == 422) && want > MIN_BATCH) {
                maxBatch.set(Math.max(MIN_BATCH, want / 2));
                depth.set(Math.min(depth.get(), want / 2));
            }
            throw e;
        }
        if (!history.listing()) {
            historyIsListing.set(false);
        }
        Set<String> wanted = new HashSet<>();
        handles.forEach(h -> wanted.add(h.jobId()));
        Map<String, JobSnapshot> out = new HashMap<>();
        int position = 0;
        int deepest = -1;
        int found = 0;
        for (InfrastructureascodeJob j : history.jobs()) {
            if (j.id() != null && j.status() != null) {
                out.put(j.id(), snapshot(j));
                if (wanted.contains(j.id())) {
                    deepest = position;
                    found++;
                }
            }
            position++;
        }
        // The history is newest first and also lists finished jobs, so an old job still running can sit deeper than
        // the number of jobs watched. Reach further while a full page missed some; otherwise just past the deepest.
        if (found < wanted.size() && history.jobs().size() >= want) {
            depth.set(Math.min(maxBatch.get(), want * 2));
        } else {
            depth.set(deepest + 1);
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
