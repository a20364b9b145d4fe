package io.jenkins.plugins.iacjobs.run;

import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.job.RunLines;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Writes what the watcher sees into the build log: each status once, with its time, and the streamed log. */
@Restricted(NoExternalUse.class)
public final class BuildLogListener implements WatchListener {

    /** What the run does with what the watcher sees, beyond the log. */
    public interface Hooks {
        /** True once the controller shuts down: the resumed run owns the log and the state from then on. */
        boolean detached();

        /** After a status line is printed. */
        void onStatus(JobSnapshot snapshot);

        /** The cursor moved: persist it with {@code pendingLine} and the streamed file's length, so a resume repeats nothing. */
        void onProgress(WatchHandle handle, String pendingLine, long streamedBytes);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final TaskListener listener;
    private final String systemName;
    private final StreamedLog log;
    private final Hooks hooks;
    private volatile String lastTrouble;

    public BuildLogListener(TaskListener listener, String systemName, StreamedLog log, Hooks hooks) {
        this.listener = listener;
        this.systemName = systemName;
        this.log = log;
        this.hooks = hooks;
    }

    /** One line of ours in the build log; remote names and messages in it cannot add lines. */
    public static void say(TaskListener listener, String line) {
        listener.getLogger().println("[IaC Jobs] " + Printable.of(line));
    }

    @Override
    public void onStatus(JobSnapshot snapshot, Instant at) {
        if (snapshot.state().endsWatch()) {
            log.flush();
        }
        say(listener, TIME.format(at.truncatedTo(ChronoUnit.SECONDS)) + " " + RunLines.status(systemName, snapshot));
        hooks.onStatus(snapshot);
    }

    @Override
    public void onHeartbeat(JobSnapshot snapshot, Duration quietFor) {
        say(listener, systemName + " job " + snapshot.jobId() + " " + RunLines.heartbeat(snapshot, quietFor));
    }

    @Override
    public void onLog(String text) {
        if (!hooks.detached()) {
            log.append(text);
        }
    }

    @Override
    public void onTrouble(IacJobsException problem, Duration retryIn) {
        String m = problem.getMessage();
        if (!m.equals(lastTrouble)) { // a flapping endpoint should not flood the log
            lastTrouble = m;
            say(listener, RunLines.trouble(problem, retryIn));
        }
    }

    @Override
    public void onProgress(WatchHandle handle) {
        if (!hooks.detached()) {
            hooks.onProgress(handle, log.pendingLine(), log.bytes());
        }
    }
}
