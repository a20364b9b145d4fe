package io.jenkins.plugins.iacjobs;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.ItemListener;
import hudson.security.ACL;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jenkins.security.ImpersonatingExecutorService;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the controller holds for every waiting job: one watcher with a fixed handful of threads however many jobs
 * wait, a pool for the calls that start and stop them, and the runs waiting now, so that a decision on a build page
 * reaches its run's log and shutting down can stop watching them (the remote jobs go on; a restart resumes).
 */
@Restricted(NoExternalUse.class)
public final class ActiveRuns {

    static final JobWatcher WATCHER = JobWatcher.create();
    /**
     * Where submissions, resumes and bounded cancels make their remote calls: not Jenkins' shared {@code Timer},
     * whose ten threads never die once a burst of builds has made them, and which other plugins' periodic work
     * needs. Up to {@link #CALL_THREADS} threads while builds start, none a minute later. As SYSTEM, like Timer.
     */
    static final ExecutorService CALLS = new ImpersonatingExecutorService(calls(), ACL.SYSTEM2);
    static final int CALL_THREADS = 16;
    private static final Set<IacJobRun> ACTIVE = ConcurrentHashMap.newKeySet();

    private ActiveRuns() {
    }

    private static ExecutorService calls() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CALL_THREADS, CALL_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamingThreadFactory(new DaemonThreadFactory(), "iac-jobs-call"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static IacJobRun track(IacJobRun r) {
        ACTIVE.add(r);
        r.result().whenComplete((v, e) -> ACTIVE.remove(r));
        return r;
    }

    /**
     * Jenkins is shutting down: stop watching, without touching the remote jobs, and say so in each build log. The
     * watcher's threads outlive a controller in the same JVM (a servlet container, a restart test), and would
     * otherwise go on writing to the stopped build's log and files while the resumed step does the same.
     *
     * <p>This runs before any {@code @Terminator}: Pipeline saves each waiting build's state for the last time in
     * its own terminator ({@code CpsFlowExecution.suspendAll}), and nothing may be printed after that save, or the
     * resumed step would print it again. A terminator of ours could not be ordered before Pipeline's: the reactor
     * orders terminators only by milestones, and {@code FlowExecutionList.EXECUTIONS_SUSPENDED} has no "before".
     */
    @Extension
    public static final class DetachOnShutdown extends ItemListener {
        @Override
        public void onBeforeShutdown() {
            ACTIVE.forEach(IacJobRun::detach);
        }
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
