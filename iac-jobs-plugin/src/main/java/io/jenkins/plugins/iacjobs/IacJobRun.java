package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.console.HyperlinkNote;
import hudson.model.Run;
import hudson.init.Terminator;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobIds;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.plan.Ansi;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.TerraformPlanText;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobRequest;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.util.BuildListenerAdapter;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One invocation of {@code iacJob} or the freestyle builder: resolve, submit (or attach), watch on the shared
 * {@link JobWatcher}, then archive the evidence and add the build summary. Holds no thread while waiting:
 * the watcher calls back on one of its few threads. The step and the builder differ only in how they wait
 * for {@link #result()} and in where they persist {@link State}.
 */
@Restricted(NoExternalUse.class)
final class IacJobRun {

    private static final Logger LOGGER = Logger.getLogger(IacJobRun.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final int CANCEL_WAIT_SECONDS = 5;
    /** A remote log line longer than this is printed before its end arrives. */
    private static final int MAX_PARTIAL_LINE = 8192;

    /** One watcher for the whole controller: a fixed handful of threads however many jobs wait. */
    private static final JobWatcher WATCHER = JobWatcher.create();
    /** Runs waiting now, so that shutting down can stop watching them (the remote jobs go on; a restart resumes). */
    private static final Set<IacJobRun> ACTIVE = ConcurrentHashMap.newKeySet();

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

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final IacJobRequest request;
    private final State state;
    private final Consumer<State> persist;
    private final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
    private volatile Watch watch;
    private volatile RemoteJobSystem system;
    private volatile boolean stopped;
    /** Set at shutdown: nothing more is written or persisted, so the resumed watch owns the log from the cursor on. */
    private volatile boolean detached;
    private final StringBuilder pendingLine = new StringBuilder();

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
        IacJobRun r = new IacJobRun(run, listener, request, s, persist);
        r.track();
        jenkins.util.Timer.get().submit(r::submitAndWatch);
        return r;
    }

    /** Re-attaches after a restart from the persisted state. */
    static IacJobRun resume(Run<?, ?> run, TaskListener listener, IacJobRequest request, State state, Consumer<State> persist) {
        IacJobRun r = new IacJobRun(run, listener, request, state, persist);
        r.track();
        jenkins.util.Timer.get().submit(r::resumeWatch);
        return r;
    }

    private void track() {
        ACTIVE.add(this);
        result.whenComplete((v, e) -> ACTIVE.remove(this));
    }

    /**
     * Jenkins is shutting down: stop watching, without touching the remote jobs. The watcher's threads outlive a
     * controller in the same JVM (a servlet container, a restart test), and would otherwise go on writing to the
     * stopped build's log and files while the resumed step does the same.
     */
    @Terminator
    public static void detachAllOnShutdown() {
        for (IacJobRun r : ACTIVE) {
            r.detached = true;
            Watch w = r.watch;
            if (w != null) {
                w.cancel();
            }
        }
    }

    private void submitAndWatch() {
        try {
            Connection c = connection();
            system = remote(c);
            state.connection = c.getName();
            state.system = system.systemId();
            state.systemName = system.displayName();
            String jobId = Util.fixEmptyAndTrim(request.jobId());
            if (jobId != null) {
                jobId = system.requireJobId("jobId", jobId); // before it reaches a URL or the build folder
                state.accelerator = request.accelerator();
                state.planOnly = request.planOnly();
                say(Messages.IacJobRun_attaching(system.displayName(), jobId, c.getName()));
            } else {
                if (!c.isTerrakube() && Util.fixEmptyAndTrim(request.accelerator()) == null) {
                    throw new AbortException(Messages.IacJobStep_acceleratorOrJobId());
                }
                Duration timeout = timeout(c);
                JobRequest jr = jobRequest(request.accelerator());
                SubmittedJob sub = system.submit(timeout == null ? jr : jr.withDeadline(state.startedAt.plus(timeout)), this::say);
                jobId = sub.jobId();
                state.accelerator = sub.targetName() != null ? sub.targetName() : request.accelerator();
                state.targetId = sub.targetId();
                state.planOnly = sub.planOnly();
                state.shownParams = new LinkedHashMap<>(sub.shownParams() == null ? Map.of() : sub.shownParams());
                say(Messages.IacJobRun_submitted(system.displayName(), jobId, state.accelerator,
                        state.planOnly ? Messages.IacJobRun_planOnly() : Messages.IacJobRun_apply(), describe(state.shownParams)));
            }
            state.handle = WatchHandle.start(state.system, state.connection, jobId, state.startedAt); // the timeout counts from the start, submission included
            persist.accept(state);
            if (request.submitOnly()) {
                say(Messages.IacJobRun_submitOnly(jobId));
                result.complete(IacJobResult.of(state.systemName, state.connection, jobId, "Submitted", true,
                        state.planOnly, state.accelerator, null, null, List.of(), system.remoteUrl(jobId)));
                return;
            }
            if (stopped) {
                // Aborted while the submission was in flight: the job exists now, so say so instead of watching.
                say(system.cancel(jobId).message());
                return;
            }
            startWatch(c);
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void resumeWatch() {
        try {
            Connection c = connection();
            system = remote(c);
            if (state.handle == null) {
                adoptLostSubmission(c);
            } else {
                say(Messages.IacJobRun_resumed(state.systemName, state.handle.jobId(), state.handle.lastStatus()));
            }
            startWatch(c);
        } catch (Throwable t) {
            fail(t);
        }
    }

    /**
     * The restart came between sending the job and hearing back. Re-sending could create a second job, so the
     * remote's history is asked instead; only a single match is adopted.
     */
    private void adoptLostSubmission(Connection c) throws AbortException {
        String accelerator = state.accelerator == null ? request.accelerator() : state.accelerator;
        if (request.jobId() != null || (accelerator == null && request.workspace() == null) || state.startedAt == null) {
            throw new AbortException(Messages.IacJobRun_lostSubmission(accelerator));
        }
        JobRequest jr = jobRequest(accelerator);
        SubmittedJob sub = system.findSubmitted(jr, state.startedAt)
                .orElseThrow(() -> new AbortException(Messages.IacJobRun_lostSubmission(accelerator)));
        state.connection = c.getName();
        state.system = system.systemId();
        state.systemName = system.displayName();
        state.accelerator = sub.targetName();
        state.targetId = sub.targetId();
        state.planOnly = sub.planOnly();
        state.handle = WatchHandle.start(state.system, state.connection, sub.jobId(), state.startedAt);
        persist.accept(state);
        say(Messages.IacJobRun_adopted(system.displayName(), sub.jobId()));
    }

    /**
     * The connection's system, with the credentials looked up as the build. AvePoint has reports, not jobs, and
     * Terrakube's options mean nothing to Genesys: both are refused by name rather than ignored.
     */
    private RemoteJobSystem remote(Connection c) throws AbortException {
        if (c.isAvePoint()) {
            throw new AbortException(Messages.IacJobRun_notAJobSystem(c.getName()));
        }
        if (!c.isTerrakube() && request.hasTerrakubeOptions()) {
            throw new AbortException(Messages.IacJobRun_terrakubeOptionsElsewhere(c.describe()));
        }
        ResolvedCredentials creds = CredentialsLookup.forRun(run, credentialsId(c), c.apiBaseUrl());
        if (c.isTerrakube()) {
            return TerrakubeAccess.jobs(c, creds, ApprovePolicy.parse(request.approve()));
        }
        return GenesysAccess.jobs(c, creds);
    }

    /** The system-neutral request; Terrakube reads workspace, branch and approve from its options. */
    private JobRequest jobRequest(@CheckForNull String target) {
        Map<String, String> options = new LinkedHashMap<>();
        if (request.workspace() != null) {
            options.put(TerrakubeJobRequest.WORKSPACE, request.workspace());
        }
        if (request.branch() != null) {
            options.put(TerrakubeJobRequest.BRANCH, request.branch());
        }
        if (request.approve() != null) {
            options.put(TerrakubeJobRequest.APPROVE, request.approve());
        }
        return new JobRequest(target, request.paramsView(), request.planOnly(), options);
    }

    private void startWatch(Connection c) throws AbortException {
        restoreLogPosition();
        PollSettings poll = new PollSettings(Duration.ofSeconds(c.getMinPollSeconds()), Duration.ofSeconds(c.getMaxPollSeconds()),
                1.5, Duration.ofMinutes(5));
        Watch w = WATCHER.watch(state.handle, system.probe(), new Listener(), poll, timeout(c));
        watch = w;
        w.result().whenComplete((snapshot, error) -> {
            if (error != null) {
                onWatchError(unwrap(error));
            } else {
                finish(snapshot);
            }
        });
    }

    /**
     * Stops waiting and says plainly what happens to the remote job. Asking the remote (Terrakube can cancel)
     * is bounded, so aborting stays prompt. Safe to call more than once.
     */
    void stop() {
        stopped = true;
        closeApproval(Messages.IacJobApprovalAction_closedAborted());
        Watch w = watch;
        if (w != null) {
            w.cancel();
        }
        RemoteJobSystem s = system;
        WatchHandle h = state.handle;
        if (s == null || h == null) {
            say(Messages.IacJobRun_stoppedBeforeSubmit());
            return;
        }
        try {
            CancelOutcome out = CompletableFuture.supplyAsync(() -> s.cancel(h.jobId()), jenkins.util.Timer.get())
                    .get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            say(out.message());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            say(Messages.IacJobRun_cancelFailed(h.jobId(), "interrupted"));
        } catch (ExecutionException | TimeoutException e) {
            say(Messages.IacJobRun_cancelFailed(h.jobId(), unwrap(e).getMessage()));
        }
    }

    /** For {@code getStatus()} in the thread dump and the Pipeline console. */
    String status() {
        WatchHandle h = state.handle;
        if (h == null) {
            return "submitting to " + state.connection;
        }
        return "waiting for " + state.systemName + " job " + h.jobId() + " (last status " + h.lastStatus() + ")";
    }

    private void onWatchError(Throwable error) {
        if (error instanceof WaitAbortedException) {
            result.completeExceptionally(error); // the caller asked for this in stop()
            return;
        }
        if (error instanceof WaitTimeoutException) {
            String jobId = state.handle.jobId();
            try {
                say(system.cancel(jobId).message());
            } catch (RuntimeException e) {
                say(Messages.IacJobRun_cancelFailed(jobId, e.getMessage()));
            }
        }
        fail(error);
    }

    private void finish(JobSnapshot last) {
        if (detached) {
            return; // the resumed step finishes it after the restart
        }
        Path work = null;
        try {
            String jobId = state.handle.jobId();
            work = Files.createTempDirectory("iac-jobs-");
            boolean success = last.state().isSuccess();
            // approve: 'never' stops at waitingApproval: not a failure, the job waits remotely for a person.
            boolean paused = last.state() == JobState.PAUSED;
            Path out = work.resolve("out");
            Files.createDirectories(out);
            Path log = streamedLog();
            SubmittedJob submitted = new SubmittedJob(jobId, null, state.targetId, state.accelerator, state.planOnly,
                    state.shownParams);
            JobResult finished = new JobRunner(system, WATCHER, state.connection, Clock.systemUTC())
                    .finish(state.handle, last, submitted, out, Files.exists(log) ? log : null, request.keepAnsi(), decision());
            JobReport report = finished.report();
            List<String> files = finished.artifacts();
            String message = finished.message();
            archive(out, files);
            Files.deleteIfExists(log); // archived as log.txt
            run.addAction(new IacJobAction(report, files));
            say(Messages.IacJobRun_archived(files.size(), "iac-jobs/" + jobId + "/"));
            String resultsText = readResults(out, files);
            Map<String, Object> value = IacJobResult.of(state.systemName, state.connection, jobId, report.status(), success,
                    state.planOnly, state.accelerator, message, resultsText, files, report.remoteUrl(), report.plan());
            if (success || paused || !request.failOnError()) {
                if (paused) {
                    say(Messages.IacJobRun_paused(state.systemName, jobId, report.status()));
                } else if (!success) {
                    say(Messages.IacJobRun_failedButReturned(jobId, report.status(), message == null ? "" : message));
                }
                result.complete(value);
            } else {
                String decided = decision();
                result.completeExceptionally(new AbortException(Messages.IacJobRun_failed(
                        state.systemName, jobId, report.status(), message == null ? Messages.IacJobRun_noMessage() : message)
                        + (decided == null ? "" : " (" + decided + ")")));
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    private void archive(Path root, List<String> files) throws IOException, InterruptedException {
        Map<String, String> artifacts = files.stream().collect(Collectors.toMap(f -> f, f -> f, (a, b) -> a, LinkedHashMap::new));
        // pickArtifactManager, not getArtifactManager: the first archiving call must choose the configured manager.
        run.pickArtifactManager().archive(new FilePath(root.toFile()), new Launcher.LocalLauncher(listener),
                new BuildListenerAdapter(listener), artifacts);
    }

    private static String readResults(Path root, List<String> files) {
        for (String f : files) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (name.startsWith("plan.") || name.startsWith("results.")) {
                try {
                    Path p = root.resolve(f);
                    if (Files.size(p) > IacJobResult.MAX_RESULTS_CHARS * 4L) {
                        return new String(Files.newInputStream(p).readNBytes(IacJobResult.MAX_RESULTS_CHARS * 2),
                                StandardCharsets.UTF_8);
                    }
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    LOGGER.log(Level.FINE, "could not read " + f, e);
                    return null;
                }
            }
        }
        return null;
    }

    private void fail(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof AbortException || e instanceof InterruptedException) {
            result.completeExceptionally(e);
        } else if (e instanceof IacJobsException) {
            // Core's messages already name the status, correlation id and what to do; no stack trace in the log.
            result.completeExceptionally(new AbortException(e.getMessage()));
        } else {
            LOGGER.log(Level.WARNING, "iacJob failed unexpectedly in " + run, e);
            result.completeExceptionally(new AbortException(Messages.IacJobRun_unexpected(e)));
        }
    }

    private Connection connection() throws AbortException {
        IacJobsGlobalConfiguration cfg = IacJobsGlobalConfiguration.get();
        String name = state.connection != null ? state.connection : request.connection();
        Connection c = cfg.lookup(name);
        if (c == null) {
            throw new AbortException(name == null
                    ? Messages.IacJobRun_noDefaultConnection()
                    : Messages.IacJobRun_noSuchConnection(name));
        }
        return c;
    }

    private String credentialsId(Connection c) {
        String id = Util.fixEmptyAndTrim(request.credentialsId());
        return id != null ? id : c.getCredentialsId();
    }

    private @CheckForNull Duration timeout(Connection c) throws AbortException {
        String t = Util.fixEmptyAndTrim(request.timeout());
        try {
            if (t != null) {
                return Durations.parseBetween("timeout", t, Duration.ofSeconds(1), Durations.MAX_TIMEOUT);
            }
        } catch (IacJobsException e) {
            throw new AbortException(e.getMessage());
        }
        return c.getTimeoutMinutes() == 0 ? null : Duration.ofMinutes(c.getTimeoutMinutes());
    }

    /**
     * The streamed log, kept in the build directory rather than a temporary folder so that it survives a restart
     * and ends up whole in {@code log.txt}.
     */
    private Path streamedLog() {
        return run.getRootDir().toPath().resolve("iac-jobs-logs").resolve(JobIds.folderName(state.handle.jobId()) + ".log");
    }

    /**
     * On resume, text written after the handle was last persisted would be streamed again from the persisted cursor:
     * cut the file back to where the handle says, and pick up the unfinished line, so each byte is kept once.
     */
    private void restoreLogPosition() {
        synchronized (pendingLine) {
            pendingLine.setLength(0);
            if (state.pendingLine != null) {
                pendingLine.append(state.pendingLine);
            }
        }
        Path log = streamedLog();
        try {
            if (Files.exists(log) && Files.size(log) > state.logBytes) {
                try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                    ch.truncate(state.logBytes);
                }
            }
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not cut back " + log, e);
        }
    }

    private long streamedLogSize() {
        try {
            Path log = streamedLog();
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return state.logBytes;
        }
    }

    /** Prints the unfinished last line, when the job ends or an over-long line must go out. */
    private void flushPendingLine() {
        synchronized (pendingLine) {
            if (pendingLine.length() > 0) {
                listener.getLogger().println(request.keepAnsi() ? pendingLine.toString() : Ansi.strip(pendingLine.toString()));
                pendingLine.setLength(0);
            }
        }
    }

    /** {@code approve: 'input'} on Terrakube: the build page asks a person. */
    private boolean asksAPerson() {
        return TerrakubeJobs.SYSTEM_ID.equals(state.system) && ApprovePolicy.parse(request.approve()) == ApprovePolicy.INPUT;
    }

    private @CheckForNull IacJobApprovalAction approval(String jobId) {
        return run.getActions(IacJobApprovalAction.class).stream().filter(a -> a.getJobId().equals(jobId))
                .reduce((first, second) -> second).orElse(null);
    }

    /**
     * Puts Approve and Reject on the build page, with the plan read from the log streamed so far, and says who may
     * decide. Once per approval wait: after a restart the persisted action is already there.
     */
    private void openApproval(String jobId) {
        IacJobApprovalAction open = approval(jobId);
        if (open != null && (open.isWaiting() || open.getState() == IacJobApprovalAction.State.SENDING)) {
            return;
        }
        Plan plan = null;
        try {
            plan = Files.exists(streamedLog()) ? TerraformPlanText.read(Files.newBufferedReader(streamedLog())).orElse(null) : null;
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "could not read the plan of " + jobId, e);
        }
        String creds;
        try {
            creds = credentialsId(connection());
        } catch (AbortException e) {
            creds = request.credentialsId();
        }
        List<String> approvers = IacJobApprovalAction.parseApprovers(request.approvers());
        run.addAction(new IacJobApprovalAction(state.connection, creds, jobId, approvers, plan));
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save " + run, e);
        }
        String who = approvers.isEmpty() ? Messages.IacJobRun_anyoneWithBuild() : String.join(", ", approvers);
        listener.getLogger().println("[IaC Jobs] " + Messages.IacJobRun_waitingForDecision(jobId, who,
                HyperlinkNote.encodeTo("/" + run.getUrl() + IacJobApprovalAction.URL + "/", Messages.IacJobApprovalAction_displayName(jobId))));
    }

    private void closeApproval(String why) {
        WatchHandle h = state.handle;
        IacJobApprovalAction a = h == null ? null : approval(h.jobId());
        if (a != null) {
            a.close(why);
        }
    }

    private @CheckForNull String decision() {
        WatchHandle h = state.handle;
        IacJobApprovalAction a = h == null ? null : approval(h.jobId());
        return a == null ? null : a.getDecision();
    }

    /** A decision made on the build page, for the build log of the run that waits for it. */
    static void tell(Run<?, ?> run, String jobId, String line) {
        for (IacJobRun r : ACTIVE) {
            WatchHandle h = r.state.handle;
            if (r.run == run && h != null && h.jobId().equals(jobId)) {
                r.say(line);
            }
        }
    }

    private void say(String line) {
        PrintStream out = listener.getLogger();
        out.println("[IaC Jobs] " + Printable.of(line)); // remote names and messages cannot add lines
    }

    private static String describe(Map<String, String> shown) {
        return shown.isEmpty() ? "" : shown.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " with ", ""));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static void deleteQuietly(Path dir) {
        try {
            new FilePath(dir.toFile()).deleteRecursive();
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "could not delete " + dir, e);
        }
    }

    /** Writes what the watcher sees into the build log: each status once, with its time. */
    private final class Listener implements WatchListener {
        private volatile String lastTrouble;

        @Override
        public void onStatus(JobSnapshot snapshot, Instant at) {
            if (snapshot.state().endsWatch()) {
                flushPendingLine();
            }
            String msg = snapshot.message() == null ? "" : " — " + snapshot.message();
            say(TIME.format(at.truncatedTo(ChronoUnit.SECONDS)) + " " + state.systemName + " job " + snapshot.jobId()
                    + ": " + snapshot.status() + msg);
            if (snapshot.state() == JobState.WAITING_APPROVAL && asksAPerson()) {
                openApproval(snapshot.jobId());
            } else {
                closeApproval(Messages.IacJobApprovalAction_closedRemotely(snapshot.status()));
            }
        }

        @Override
        public void onHeartbeat(JobSnapshot snapshot, Duration quietFor) {
            say(Messages.IacJobRun_stillWaiting(snapshot.jobId(), snapshot.status(), Durations.format(quietFor)));
        }

        /** Remote chunks end anywhere; the build log gets whole lines, the file every byte as it comes. */
        @Override
        public void onLog(String text) {
            if (detached) {
                return;
            }
            try {
                Path log = streamedLog();
                Files.createDirectories(log.getParent());
                Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOGGER.log(Level.FINE, "could not keep streamed log", e);
            }
            synchronized (pendingLine) {
                pendingLine.append(text);
                int end = pendingLine.lastIndexOf("\n") + 1;
                if (end > 0) {
                    String lines = pendingLine.substring(0, end); // whole lines: no escape code is cut in two
                    listener.getLogger().print(request.keepAnsi() ? lines : Ansi.strip(lines));
                    pendingLine.delete(0, end);
                } else if (pendingLine.length() > MAX_PARTIAL_LINE) {
                    flushPendingLine();
                }
            }
        }

        @Override
        public void onTrouble(IacJobsException problem, Duration retryIn) {
            String m = problem.getMessage();
            if (!m.equals(lastTrouble)) { // a flapping endpoint should not flood the log
                lastTrouble = m;
                say(Messages.IacJobRun_trouble(m, Durations.format(retryIn)));
            }
        }

        /** The cursor, the unfinished line and the file length are persisted together, so a resume repeats nothing. */
        @Override
        public void onProgress(WatchHandle handle) {
            if (detached) {
                return;
            }
            state.handle = handle;
            synchronized (pendingLine) {
                state.pendingLine = pendingLine.length() == 0 ? null : pendingLine.toString();
            }
            state.logBytes = streamedLogSize();
            persist.accept(state);
        }
    }
}
