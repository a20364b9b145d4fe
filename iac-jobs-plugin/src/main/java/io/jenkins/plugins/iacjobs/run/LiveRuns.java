package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.iacjobs.actions.DecisionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The runs waiting now in this controller, so that a decision on a build page reaches its run's log, and shutting
 * down can stop watching them (the remote jobs go on; a restart resumes).
 */
@Restricted(NoExternalUse.class)
public final class LiveRuns {

    /** What this registry needs of a run. */
    interface LiveRun {
        /** Jenkins is shutting down: stop watching and writing; the resumed run takes over. */
        void detach();

        /** Whether this run waits for {@code jobId} in {@code build}. */
        boolean waitsFor(Run<?, ?> build, String jobId);

        /** One line of ours in the run's build log. */
        void say(String line);
    }

    private static final Set<LiveRun> ACTIVE = ConcurrentHashMap.newKeySet();

    private LiveRuns() {
    }

    static void add(LiveRun r) {
        ACTIVE.add(r);
    }

    static void remove(LiveRun r) {
        ACTIVE.remove(r);
    }

    /**
     * Detaches every run before Jenkins shuts down. This runs before any {@code @Terminator}: Pipeline saves each
     * waiting build for the last time in its own terminator ({@code CpsFlowExecution.suspendAll}), and a line
     * printed after that save would be printed again by the resumed step. A terminator of ours could not be ordered
     * before Pipeline's: terminators are ordered by milestones only, and {@code EXECUTIONS_SUSPENDED} has no "before".
     */
    @Extension
    public static final class DetachOnShutdown extends ItemListener {
        @Override
        public void onBeforeShutdown() {
            ACTIVE.forEach(LiveRun::detach);
        }
    }

    /** A decision made on the build page, for the build log of the run that waits for it. */
    @Extension
    public static final class DecisionRelay implements DecisionListener {
        @Override
        public void decided(@NonNull Run<?, ?> build, @NonNull String jobId, @NonNull String decision) {
            ACTIVE.stream().filter(r -> r.waitsFor(build, jobId)).forEach(r -> r.say(decision));
        }
    }
}
