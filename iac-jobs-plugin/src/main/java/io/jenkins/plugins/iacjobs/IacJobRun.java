package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.credentials.CredentialsLookup;
import io.jenkins.plugins.iacjobs.remote.RemoteTarget;
import io.jenkins.plugins.iacjobs.remote.Systems;
import io.jenkins.plugins.iacjobs.run.BuildLogListener;
import io.jenkins.plugins.iacjobs.run.StreamedLog;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One invocation of {@code iacJob} or the freestyle builder, as orchestration: resolve the connection, submit (or
 * attach, or adopt after a restart), watch through core's {@link JobRunner} on the shared watcher, then
 * hand the end to {@link JobFinish}. Holds no thread while waiting: the watcher calls back on one of its few
 * threads ({@link ActiveRuns}). The step and the builder differ only in how they wait for {@link #result()} and where they persist
 * {@link State}.
 */
@Restricted(NoExternalUse.class)
final class IacJobRun implements BuildLogListener.Hooks {

    /** What must survive a controller restart. No secret: credentials are looked up again from the run. */
    static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        String connection;
        String system;
        String systemName;
        String accelerator;
        String targetId;
        LinkedHashMap<String, String> shownParams = new LinkedHashMap<>();
        boolean planOnly;
        Instant startedAt;
        /** Null until the remote accepted the job. */
        WatchHandle handle;
        /** Streamed log text after the last line end, not yet in the build log (lines are printed whole). */
        String pendingLine;
        /** Length of the streamed log file when {@link #handle} was last persisted; a resume cuts the file back to it. */
        long logBytes;
    }

    final Run<?, ?> run;
    final TaskListener listener;
    final IacJobRequest request;
    final State state;
    private final Consumer<State> persist;
    final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
    private volatile Watch watch;
    volatile JobRunner runner;
    volatile ApprovalGate gate;
    private volatile StreamedLog streamed;
    private volatile boolean stopped;
    /** Set at shutdown: nothing more is written or persisted, so the resumed watch owns the log from the cursor on. */
    private volatile boolean detached;

    private IacJobRun(Run<?, ?> run, TaskListener listener, IacJobRequest request, State state, Consumer<State> persist) {
        this.run = run;
        this.listener = listener;
        this.request = request;
        this.state = state;
        this.persist = persist;
    }

    /** Completes with the result map, or exceptionally with an {@link AbortException} a person can act on. */
    CompletableFuture<Map<String, Object>> result() {
        return result;
    }

    State state() {
        return state;
    }

    /** Starts a new run. Remote calls happen on a pool thread; the caller's thread returns at once. */
    static IacJobRun start(Run<?, ?> run, TaskListener listener, IacJobRequest request, Consumer<State> persist) {
        State s = new State();
        s.startedAt = Instant.now();
        IacJobRun r = ActiveRuns.track(new IacJobRun(run, listener, request, s, persist));
        ActiveRuns.CALLS.submit(r::submitAndWatch);
        return r;
    }

    /** Re-attaches after a restart from the persisted state. */
    static IacJobRun resume(Run<?, ?> run, TaskListener listener, IacJobRequest request, State state, Consumer<State> persist) {
        IacJobRun r = ActiveRuns.track(new IacJobRun(run, listener, request, state, persist));
        ActiveRuns.CALLS.submit(r::resumeWatch);
        return r;
    }

    /** Jenkins is shutting down: stop watching; the resumed step takes over from the persisted cursor. */
    void detach() {
        detached = true;
        if (state.handle != null && !result.isDone()) { // said first: cancelling the watch completes the result
            say(Messages.IacJobRun_detached(state.systemName, state.handle.jobId(), state.handle.lastStatus()));
        }
        cancelWatch();
    }

    private void cancelWatch() {
        Optional.ofNullable(watch).ifPresent(Watch::cancel);
    }

    private void submitAndWatch() {
        try {
            Connection c = connect();
            String jobId = Util.fixEmptyAndTrim(request.jobId());
            if (jobId != null) {
                jobId = runner.system().requireJobId("jobId", jobId); // before it reaches a URL or the build folder
                accept(new SubmittedJob(jobId, null, null, null, request.planOnly(), Map.of()));
                say(Messages.IacJobRun_attaching(state.systemName, jobId, c.getName()));
            } else {
                if (!Systems.of(c).takesWorkspaceOptions() && Util.fixEmptyAndTrim(request.accelerator()) == null) {
                    throw new AbortException(Messages.IacJobStep_acceleratorOrJobId());
                }
                var timeout = request.timeout(c); // a bad timeout fails here, before anything is submitted
                JobRequest jr = jobRequest(request.accelerator());
                SubmittedJob sub = runner.system().submit(timeout == null ? jr : jr.withDeadline(state.startedAt.plus(timeout)), this::say);
                accept(sub);
                say(Messages.IacJobRun_submitted(state.systemName, sub.jobId(), state.accelerator,
                        state.planOnly ? Messages.IacJobRun_planOnly() : Messages.IacJobRun_apply(), describe(state.shownParams)));
            }
            persist.accept(state);
            if (request.submitOnly()) {
                say(Messages.IacJobRun_submitOnly(state.handle.jobId()));
                result.complete(JobFinish.submitted(this));
                return;
            }
            if (stopped) {
                // Aborted while the submission was in flight: the job exists now, so say so instead of watching.
                say(runner.system().cancel(state.handle.jobId()).message());
                return;
            }
            startWatch(c);
        } catch (Throwable t) {
            JobFinish.fail(this, t);
        }
    }

    /** Records what the remote accepted; the timeout counts from the start, submission included. */
    private void accept(SubmittedJob sub) {
        state.accelerator = sub.targetName() != null ? sub.targetName() : request.accelerator();
        state.targetId = sub.targetId();
        state.planOnly = sub.planOnly();
        state.shownParams = new LinkedHashMap<>(sub.shownParams() == null ? Map.of() : sub.shownParams());
        state.handle = runner.handleFor(sub, state.startedAt);
    }

    private void resumeWatch() {
        try {
            Connection c = connect();
            if (state.handle == null) {
                adoptLostSubmission();
            } else {
                say(Messages.IacJobRun_resumed(state.systemName, state.handle.jobId(), state.handle.lastStatus()));
            }
            startWatch(c);
        } catch (Throwable t) {
            JobFinish.fail(this, t);
        }
    }

    /**
     * The restart came between sending the job and hearing back. Re-sending could create a second job, so the
     * remote's history is asked instead; only a single match is adopted.
     */
    private void adoptLostSubmission() throws AbortException {
        String accelerator = state.accelerator == null ? request.accelerator() : state.accelerator;
        if (request.jobId() != null || (accelerator == null && request.workspace() == null) || state.startedAt == null) {
            throw new AbortException(Messages.IacJobRun_lostSubmission(accelerator));
        }
        SubmittedJob sub = runner.system().findSubmitted(jobRequest(accelerator), state.startedAt)
                .orElseThrow(() -> new AbortException(Messages.IacJobRun_lostSubmission(accelerator)));
        accept(sub);
        persist.accept(state);
        say(Messages.IacJobRun_adopted(state.systemName, sub.jobId()));
    }

    /**
     * The connection, its system and a runner on it, with the credentials looked up as the build. AvePoint has
     * reports, not jobs, and Terrakube's options mean nothing elsewhere: both are refused by name, not ignored.
     */
    private Connection connect() throws AbortException {
        Connection c = IacJobsGlobalConfiguration.get().require(state.connection != null ? state.connection : request.connection());
        RemoteTarget target = Systems.target(c);
        if (!target.system().runsJobs()) {
            throw new AbortException(Messages.IacJobRun_notAJobSystem(c.getName()));
        }
        if (!target.system().takesWorkspaceOptions() && request.hasTerrakubeOptions()) {
            throw new AbortException(Messages.IacJobRun_terrakubeOptionsElsewhere(c.describe()));
        }
        String credentialsId = CredentialsLookup.chooseId(request.credentialsId(), c.getCredentialsId());
        RemoteJobSystem system = target.jobs(CredentialsLookup.forRun(run, credentialsId, target.credentialsUrl()),
                ApprovePolicy.parse(request.approve()));
        runner = new JobRunner(system, ActiveRuns.WATCHER, c.getName(), Clock.systemUTC());
        gate = new ApprovalGate(run, listener, c.getName(), credentialsId, request.approvers());
        state.connection = c.getName();
        state.system = system.systemId();
        state.systemName = system.displayName();
        return c;
    }

    /** The system-neutral request; Terrakube reads workspace, branch and approve from its options. */
    private JobRequest jobRequest(@CheckForNull String target) {
        return new JobRequest(target, request.paramsView(), request.planOnly(), request.terrakubeOptions());
    }

    private void startWatch(Connection c) throws AbortException {
        StreamedLog log = streamedLog();
        log.restore(state.pendingLine, state.logBytes);
        Watch w = runner.watch(state.handle, new BuildLogListener(listener, state.systemName, log, this), c.pollSettings(),
                request.timeout(c));
        watch = w;
        w.result().whenComplete((snapshot, error) -> {
            if (error != null) {
                JobStop.onWatchError(this, JobFinish.unwrap(error));
            } else if (!detached) { // after a restart the resumed step finishes it
                JobFinish.finish(this, snapshot);
            }
        });
    }

    StreamedLog streamedLog() {
        StreamedLog s = streamed;
        if (s == null) {
            s = new StreamedLog(run.getRootDir().toPath(), state.handle.jobId(), listener.getLogger(), request.keepAnsi());
            streamed = s;
        }
        return s;
    }

    /** Stops waiting and says plainly what happens to the remote job; safe to call more than once. */
    void stop() {
        stopped = true;
        cancelWatch();
        JobStop.stop(this);
    }

    /** For {@code getStatus()} in the thread dump and the Pipeline console. */
    String status() {
        WatchHandle h = state.handle;
        return h == null ? "submitting to " + state.connection
                : "waiting for " + state.systemName + " job " + h.jobId() + " (last status " + h.lastStatus() + ")";
    }

    @Override
    public boolean detached() {
        return detached;
    }

    /**
     * {@code approve: 'input'}: the build page asks a person while the job waits. Only a system that takes the
     * option gets here with it: {@link #connect} refuses it elsewhere.
     */
    @Override
    public void onStatus(JobSnapshot snapshot) {
        if (snapshot.state() == JobState.WAITING_APPROVAL && ApprovePolicy.parse(request.approve()) == ApprovePolicy.INPUT) {
            gate.open(snapshot.jobId(), streamedLog().existing());
        } else {
            gate.close(snapshot.jobId(), Messages.IacJobApprovalAction_closedRemotely(snapshot.status()));
        }
    }

    /** The cursor, the unfinished line and the file length are persisted together, so a resume repeats nothing. */
    @Override
    public void onProgress(WatchHandle handle, String pendingLine, long streamedBytes) {
        state.handle = handle;
        state.pendingLine = pendingLine;
        state.logBytes = streamedBytes;
        persist.accept(state);
    }

    void say(String line) {
        BuildLogListener.say(listener, line);
    }

    private static String describe(Map<String, String> shown) {
        return shown.isEmpty() ? "" : shown.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " with ", ""));
    }
}
