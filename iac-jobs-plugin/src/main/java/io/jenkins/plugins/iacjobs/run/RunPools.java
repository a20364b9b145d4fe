package io.jenkins.plugins.iacjobs.run;

import hudson.security.ACL;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jenkins.security.ImpersonatingExecutorService;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The threads the plugin owns in a controller: one watcher with a fixed handful of threads however many jobs wait,
 * and a pool for the calls that start and stop them.
 */
@Restricted(NoExternalUse.class)
public final class RunPools {

    public static final JobWatcher WATCHER = JobWatcher.create();
    static final int CALL_THREADS = 16;
    /**
     * Where submissions, resumes, timeouts and bounded cancels make their remote calls: not Jenkins' shared
     * {@code Timer}, whose ten threads never die once a burst of builds has made them, and which other plugins'
     * periodic work needs. Up to {@link #CALL_THREADS} threads while builds start, none a minute later. As SYSTEM.
     */
    public static final ExecutorService CALLS = new ImpersonatingExecutorService(calls(), ACL.SYSTEM2);

    private RunPools() {
    }

    private static ExecutorService calls() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CALL_THREADS, CALL_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamingThreadFactory(new DaemonThreadFactory(), "iac-jobs-call"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
