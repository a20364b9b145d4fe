package io.jenkins.plugins.iacjobs;

import hudson.init.Terminator;
import hudson.model.Run;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the controller holds for every waiting job: one watcher with a fixed handful of threads however many jobs
 * wait, and the runs waiting now, so that a decision on a build page reaches its run's log and shutting down can
 * stop watching them (the remote jobs go on; a restart resumes).
 */
final class ActiveRuns {

    static final JobWatcher WATCHER = JobWatcher.create();
    private static final Set<IacJobRun> ACTIVE = ConcurrentHashMap.newKeySet();

    private ActiveRuns() {
    }

    static IacJobRun track(IacJobRun r) {
        ACTIVE.add(r);
        r.result().whenComplete((v, e) -> ACTIVE.remove(r));
        return r;
    }

    /**
     * Jenkins is shutting down: stop watching, without touching the remote jobs. The watcher's threads outlive a
     * controller in the same JVM (a servlet container, a restart test), and would otherwise go on writing to the
     * stopped build's log and files while the resumed step does the same.
     */
    @Terminator
    public static void detachAllOnShutdown() {
        ACTIVE.forEach(IacJobRun::detach);
    }

    /** A decision made on the build page, for the build log of the run that waits for it. */
    static void tell(Run<?, ?> run, String jobId, String line) {
        for (IacJobRun r : ACTIVE) {
            WatchHandle h = r.state().handle;
            if (r.run == run && h != null && h.jobId().equals(jobId)) {
                r.say(line);
            }
        }
    }
}
