package io.jenkins.plugins.iacjobs.core.watch;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the watcher reported, for assertions. */
final class RecordingListener implements WatchListener {
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<String> troubles = new CopyOnWriteArrayList<>();
    final List<WatchHandle> progress = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(JobSnapshot snapshot, Instant at) {
        statuses.add(snapshot.status());
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public void onTrouble(IacJobsException problem, Duration retryIn) {
        troubles.add(problem.getMessage());
    }

    @Override
    public void onProgress(WatchHandle handle) {
        progress.add(handle);
    }
}
