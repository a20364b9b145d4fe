package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.checks.PlanCheck;
import io.jenkins.plugins.iacjobs.checks.PlanChecks;
import io.jenkins.plugins.iacjobs.config.Connection;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.SendJournal;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.plan.PlanExpectation;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.Watch;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.credentials.CredentialsLookup;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import io.jenkins.plugins.iacjobs.remote.JobSpec;
import io.jenkins.plugins.iacjobs.remote.JobSystem;
import io.jenkins.plugins.iacjobs.remote.PreparedJob;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One invocation of {@code iacJob} or the freestyle builder, and the one owner of its state, as
 * {@code DurableTaskStep.Execution} owns a shell step's: what it was asked ({@link JobSpec}), what the remote accepted
 * ({@link SubmittedJob}) and where watching got to ({@link WatchHandle}, the streamed log's length and unfinished line)
 * are persisted with the Pipeline; the build it writes to, the watch and the result are live. It submits (or attaches,
 * or adopts after a restart), watches through core's {@link JobRunner} on the shared watcher, and hands the end to a
 * {@link JobEnding}. It holds no thread while waiting: the watcher calls back on one of its few threads.
 */
@Restricted(NoExternalUse.class)
public final class JobRun implements Serializable, LiveRuns.LiveRun, BuildLogListener.Hooks {
    private static final long serialVersionUID = 1L;

    // Persisted: no secret (credentials are looked up again from the build, parameter values are dropped).
    private final JobSpec spec;
    private final Instant startedAt;
    private String connection;
    private String systemName;
    /** Null until the remote accepted the job. */
    private SubmittedJob submitted;
    private WatchHandle handle;
    /** Streamed log text after the last line end, not yet in the build log (lines are printed whole). */
    private String pendingLine;
    /** Length of the streamed log file when {@link #handle} was last persisted; a resume cuts the file back to it. */
    private long logBytes;
    /**
     * A digest of the target and every input value, made before anything is sent: what the plan's fingerprint uses,
     * also for a job adopted after a restart, as the values themselves are never persisted in clear. (Genesys jobs
     * carry no parameters, so it cannot find a job: {@link #pending} does that.) Null for a job attached by id.
     */
    private String inputsDigest;
    /**
     * Until the remote's answer naming the job is saved: the sealed values and, once sent, what finds the job after a
     * crash. Null before (for a job attached by id) and after.
     */
    private PendingSend pending;
    /** {@code expectPlan}: true while the dry run that checks the reviewed plan runs ({@link #submitted} is that run). */
    private boolean checkingPlan;
    /** {@code expectPlan}: the fingerprint the dry run matched; set once the apply may be submitted. */
    private String reviewedPlan;

    // Live.
    private transient JobSpec toSubmit;
    private transient Run<?, ?> build;
    private transient TaskListener listener;
    private transient Saver persist;
    private transient volatile long lastSaveNanos;
    private transient Unstable unstable;
    /** The check got its conclusion (from the job's end): a failure after that does not replace it. */
    private transient volatile boolean checkEnded;
    private transient CompletableFuture<Map<String, Object>> result;
    private transient JobRunner runner;
    private transient PreparedJob prepared;
    private transient ApprovalGate gate;
    private transient StreamedLog streamed;
    private transient volatile Watch watch;
    private transient volatile boolean stopped;
    /** Set at shutdown: nothing more is written or persisted, so the resumed run owns the log from the cursor on. */
    private transient volatile boolean detached;

    /** Saves the run with its build (a Pipeline step's {@code saveState()}); the future completes once it is on disk. */
    @FunctionalInterface
    public interface Saver {
        Future<?> save();
    }

    /** At most this long between saves while only the log cursor moves. */
    static final Duration CURSOR_SAVE = Duration.ofSeconds(30);
    /** How long a save that must be on disk before the next send is waited for. */
    private static final Duration DURABLE_SAVE = Duration.ofSeconds(60);
    private static final Logger LOGGER = Logger.getLogger(JobRun.class.getName());

    private JobRun(JobSpec spec) {
        this.spec = spec.withoutParamValues();
        this.toSubmit = spec;
        this.startedAt = Instant.now();
        this.pending = spec.jobId() == null ? PendingSend.of(spec.params()) : null;
    }

    /** A run of {@code spec}; nothing is sent until {@link #start}. */
    public static JobRun of(JobSpec spec) {
        return new JobRun(spec);
    }

    /**
     * Starts the run: the remote calls happen on a pool thread, and the caller's thread returns at once.
     *
     * @param persist  saves this object with the build (the step's state); called when what a resume needs changes
     * @param unstable marks the run unstable, for a drift check ({@code onChanges: 'unstable'})
     * @return completes with the step's value, or exceptionally with an {@link AbortException} a person can act on
     */
    public CompletableFuture<Map<String, Object>> start(Run<?, ?> build, TaskListener listener, Saver persist, Unstable unstable) {
        attach(build, listener, persist, unstable);
        RunPools.CALLS.submit(this::submitAndWatch);
        return result;
    }

    /** Re-attaches after a restart, from the persisted state. */
    public CompletableFuture<Map<String, Object>> resume(Run<?, ?> build, TaskListener listener, Saver persist,
                                                         Unstable unstable) {
        attach(build, listener, persist, unstable);
        RunPools.CALLS.submit(this::resumeWatch);
        return result;
    }

    private void attach(Run<?, ?> b, TaskListener l, Saver p, Unstable u) {
        lastSaveNanos = System.nanoTime();
        build = b;
        listener = l;
        persist = p;
        unstable = u;
        result = new CompletableFuture<>();
        LiveRuns.add(this);
        result.whenComplete((v, e) -> LiveRuns.remove(this));
    }

    private void submitAndWatch() {
        try {
            JobSystem system = connect();
            String jobId = spec.jobId();
            if (jobId != null) {
                accept(SubmittedJob.attached(runner.system().requireJobId("jobId", jobId), spec.planOnly()));
                say(Messages.JobRun_attaching(systemName, submitted.jobId(), connection));
            } else {
                Duration timeout = spec.timeoutOr(system.timeout()); // a bad timeout fails here, before anything is sent
                // prepare() gives a submission whenever there is no jobId
                Submission<?> submission = prepared.submission().withDeadline(timeout == null ? null : startedAt.plus(timeout));
                inputsDigest = submission.inputsDigest();
                boolean check = spec.expectPlan() != null && reviewedPlan == null;
                if (check) {
                    checkingPlan = true;
                    submission = submission.asPlanOnly();
                    save("checking the plan"); // a restart now looks for a dry run, never an apply
                    say(Messages.JobRun_checkingPlan(spec.expectPlan()));
                }
                SubmittedJob sub = submission.submit(this::say, new SendJournal() {
                    @Override
                    public void sending(SendRecord record) {
                        if (pending != null) {
                            pending.sending(record);
                        }
                        saveNow("sending"); // on disk before the send leaves: a crash now finds the job it made
                    }

                    @Override
                    public void accepted(SubmittedJob job) {
                        accept(job);
                        pending = null;
                        saveNow("accepted"); // on disk before this connection's next send of the kind: never two unsaved at once
                    }
                });
                if (!check) {
                    toSubmit = null; // the values are needed again only for the apply after a check
                }
                accept(sub);
                say(Messages.JobRun_submitted(systemName, sub.jobId(), name(sub),
                        sub.planOnly() ? Messages.JobRun_planOnly() : Messages.JobRun_apply(), describe(sub.shownParams())));
            }
            if (jobId != null) { // a submission was saved when accepted
                save("attached");
            }
            if (spec.submitOnly()) {
                say(Messages.JobRun_submitOnly(submitted.jobId()));
                result.complete(IacJobResult.submitted(systemName, connection, submitted, runner.system().remoteUrl(submitted.jobId())));
                return;
            }
            // not for submitOnly: its check would stay in progress; the run that waits for the job publishes one
            publishCheck(PlanChecks.running(checkSubject(), submitted.jobId()));
            if (stopped) {
                // Aborted while the submission was in flight: the job exists now, so say so instead of watching.
                say(runner.system().cancel(submitted.jobId()).message());
                return;
            }
            startWatch(system);
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void resumeWatch() {
        try {
            if (handle == null && pending != null) {
                Map<String, String> values = pending.values();
                if (values == null) {
                    throw new AbortException(Messages.JobRun_sealedUnreadable(spec.target()));
                }
                toSubmit = spec.withParamValues(values);
            }
            JobSystem system = connect();
            if (handle == null) {
                if (!adoptLostSubmission()) {
                    submitAndWatch();
                    return;
                }
            } else {
                say(Messages.JobRun_resumed(systemName, handle.jobId(), handle.lastStatus()));
            }
            startWatch(system);
        } catch (Throwable t) {
            fail(t);
        }
    }

    /**
     * The restart came before the remote's answer was saved. Nothing sent: it is sent now. Sent: re-sending could
     * create a second job, so the remote is asked, with what was kept before the send; only a single match is adopted,
     * and a send that made no job is sent again.
     *
     * @return false when the job is to be sent now
     */
    private boolean adoptLostSubmission() throws AbortException {
        // null: nothing was sent. A run saved by an earlier version kept only when it started.
        SendRecord record = pending == null ? SendRecord.at(startedAt) : pending.record();
        if (record == null) {
            say(Messages.JobRun_notSentBeforeRestart());
            return false;
        }
        if (prepared.submission() == null) {
            throw new AbortException(Messages.JobRun_lostSubmission(spec.target()));
        }
        Submission<?> submission = checkingPlan ? prepared.submission().asPlanOnly() : prepared.submission();
        Optional<SubmittedJob> found = submission.findSubmitted(record);
        if (found.isEmpty()) {
            if (pending == null) { // no values to send it with
                throw new AbortException(Messages.JobRun_lostSubmission(spec.target()));
            }
            say(Messages.JobRun_sentButNotMade(systemName, Instants.seconds(record.sentAt())));
            return false;
        }
        SubmittedJob sub = found.get().withInputsDigest(inputsDigest); // the values are gone: the digest made before sending
        accept(sub);
        pending = null;
        save("adopted");
        say(Messages.JobRun_adopted(systemName, sub.jobId()));
        return true;
    }

    /**
     * Saves the run with its build, which wakes the build's CPS VM. Logged at FINE with the reason, so the controller
     * benchmark can count the wakes per build (issue 24).
     */
    private Future<?> save(String why) {
        lastSaveNanos = System.nanoTime();
        LOGGER.log(Level.FINE, "saving {0}: {1}", new Object[] {build, why});
        return persist.save();
    }

    /** Saves the run and waits until it is on disk, within {@link #DURABLE_SAVE}; a save that fails is logged. */
    private void saveNow(String why) {
        try {
            save(why).get(DURABLE_SAVE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOGGER.log(Level.WARNING, "could not save " + build + " before its submission went on", e);
        }
    }

    /** The job the remote accepted; the timeout counts from the start, submission included. */
    private void accept(SubmittedJob sub) {
        submitted = sub;
        handle = runner.handleFor(sub, startedAt);
        if (prepared.submission() != null) { // its request holds the values: not kept while the job runs for minutes
            prepared = new PreparedJob(prepared.jobs(), null, prepared.decisions());
        }
    }

    /**
     * The connection's job system, the credentials looked up as the build, and the request read once by the system
     * (options it does not take are refused by name). A connection without jobs (AvePoint) is refused by name.
     */
    private JobSystem connect() throws AbortException {
        Connection c = IacJobsGlobalConfiguration.get().require(connection != null ? connection : spec.connection());
        JobSystem system = IacJobsGlobalConfiguration.jobsOf(c);
        String credentialsId = CredentialsLookup.chooseId(spec.credentialsId(), c.getCredentialsId());
        ResolvedCredentials credentials = CredentialsLookup.forRun(build, credentialsId, system.credentialsUrl());
        prepared = system.prepare(toSubmit != null ? toSubmit : spec, credentials);
        runner = new JobRunner(prepared.jobs(), RunPools.WATCHER, system.connection(), Clock.systemUTC());
        gate = new ApprovalGate(build, listener, system.connection(), credentialsId, spec.approvers());
        connection = system.connection();
        systemName = system.displayName();
        return system;
    }

    private void startWatch(JobSystem system) throws IacJobsException {
        StreamedLog log = streamedLog();
        log.restore(pendingLine, logBytes);
        Watch w = runner.watch(handle, new BuildLogListener(listener, systemName, log, this), system.poll(),
                spec.timeoutOr(system.timeout()));
        watch = w;
        w.result().whenComplete((snapshot, error) -> {
            if (error != null) {
                RunPools.CALLS.submit(() -> onWatchError(JobEnding.unwrap(error)));
            } else if (!detached) { // after a restart the resumed step finishes it
                end(snapshot);
            }
        });
    }

    private void end(JobSnapshot last) {
        if (checkingPlan) {
            RunPools.CALLS.submit(() -> afterPlanCheck(last)); // the apply is sent from a pool thread, not the watcher's
            return;
        }
        try {
            result.complete(new JobEnding(build, listener, runner, submitted, spec, reviewedPlan).end(handle, last, streamedLog(),
                    gate.decision(submitted.jobId()), unstable, checkSubject(), this::publishEnd));
        } catch (Throwable t) {
            fail(t);
        }
    }

    /**
     * {@code expectPlan}'s dry run ended: its plan is archived, then checked against the reviewed one. Only a match
     * submits the apply, with the values this process still holds; anything else fails the step with nothing applied.
     */
    private void afterPlanCheck(JobSnapshot last) {
        try {
            String dryRun = submitted.jobId();
            JobResult checked = new JobEnding(build, listener, runner, submitted, spec, null).planChecked(handle, last, streamedLog());
            if (!checked.success()) {
                String message = checked.message();
                throw new AbortException(Messages.JobRun_planCheckFailed(dryRun, checked.status(),
                        message == null || message.isBlank() ? "" : ": " + message));
            }
            PlanExpectation expected = new PlanExpectation(spec.expectPlan(), "expectPlan");
            PlanExpectation.Verdict verdict = expected.check(dryRun, checked.report().plan(),
                    IacJobAction.planWithFingerprint(build, expected.fingerprint()));
            if (!verdict.matches()) {
                verdict.differences().forEach(this::say);
                throw new AbortException(verdict.message());
            }
            say(verdict.message());
            if (toSubmit == null) {
                throw new AbortException(Messages.JobRun_planCheckRestarted(dryRun));
            }
            checkingPlan = false;
            reviewedPlan = verdict.planned();
            submitted = null;
            handle = null;
            pendingLine = null;
            logBytes = 0;
            streamed = null;
            pending = PendingSend.of(toSubmit.params()); // the apply, from here on, as any submission
            save("plan checked");
            submitAndWatch();
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** The watch ended without a terminal status: stopped on purpose, timed out (cancelled remotely), or failed. */
    private void onWatchError(Throwable error) {
        if (error instanceof WaitAbortedException) {
            result.completeExceptionally(error); // stop() or detach() asked for this
        } else if (error instanceof WaitTimeoutException timeout) {
            String message = runner.timedOut(submitted.jobId(), timeout).message();
            publishCheck(PlanChecks.stopped(checkSubject(), submitted.jobId(), PlanCheck.Conclusion.TIME_OUT, message, Instant.now()));
            result.completeExceptionally(JobEnding.failure(build, new AbortException(message)));
        } else {
            fail(error);
        }
    }

    private void fail(Throwable t) {
        Throwable failure = JobEnding.failure(build, t);
        if (submitted != null && !checkEnded && !(failure instanceof InterruptedException) && !result.isDone()) {
            publishCheck(PlanChecks.stopped(checkSubject(), submitted.jobId(), PlanCheck.Conclusion.FAILURE,
                    String.valueOf(failure.getMessage()), Instant.now()));
        }
        result.completeExceptionally(failure);
    }

    /** What this run's check is about; known once the remote accepted the job. */
    private PlanChecks.Subject checkSubject() {
        String target = spec.workspace() != null ? submitted.shownParams().getOrDefault("workspace", spec.workspace()) : name(submitted);
        // while expectPlan's dry run runs, the check is still about the apply it guards
        return PlanChecks.subject(build, spec.checksName(), systemName, submitted.planOnly() && !checkingPlan, String.valueOf(target),
                submitted.shownParams(), startedAt);
    }

    private void publishEnd(PlanCheck check) {
        checkEnded = true;
        publishCheck(check);
    }

    /** Publishes the run's check, unless {@code checks: false}. */
    private void publishCheck(PlanCheck check) {
        if (spec.checks()) {
            PlanChecks.publish(build, listener, check);
        }
    }

    StreamedLog streamedLog() {
        StreamedLog s = streamed;
        if (s == null) {
            s = new StreamedLog(build.getRootDir().toPath(), submitted.jobId(), listener.getLogger(), spec.keepAnsi());
            streamed = s;
        }
        return s;
    }

    /** The build was aborted: stop waiting, close an open approval, and say plainly what happens to the remote job. */
    public void stop() {
        stopped = true;
        cancelWatch();
        if (submitted == null || runner == null) {
            say(Messages.JobRun_stoppedBeforeSubmit());
            return;
        }
        if (gate != null) {
            gate.close(submitted.jobId(), Messages.JobRun_closedAborted());
        }
        String cancelled = RemoteCancel.ask(runner, submitted.jobId());
        say(cancelled);
        publishCheck(PlanChecks.stopped(checkSubject(), submitted.jobId(), PlanCheck.Conclusion.CANCELED, cancelled, Instant.now()));
    }

    /** Jenkins is shutting down: stop watching; the resumed step takes over from the persisted cursor. */
    @Override
    public void detach() {
        detached = true;
        if (handle != null && !result.isDone()) { // said first: cancelling the watch completes the result
            say(Messages.JobRun_detached(systemName, handle.jobId(), handle.lastStatus()));
        }
        cancelWatch();
    }

    private void cancelWatch() {
        Optional.ofNullable(watch).ifPresent(Watch::cancel);
    }

    @Override
    public boolean waitsFor(Run<?, ?> b, String jobId) {
        return build == b && handle != null && handle.jobId().equals(jobId);
    }

    /** For {@code getStatus()} in the thread dump and the Pipeline console. */
    public String status() {
        WatchHandle h = handle;
        return h == null ? "submitting to " + (connection != null ? connection : spec.connection())
                : "waiting for " + systemName + " job " + h.jobId() + " (last status " + h.lastStatus() + ")";
    }

    @Override
    public boolean detached() {
        return detached;
    }

    /** {@code approve: 'input'}: the build page asks a person while the job waits; closed when the job moves on. */
    @Override
    public void onStatus(JobSnapshot snapshot) {
        if (snapshot.state() == JobState.WAITING_APPROVAL && prepared.decisions() != null) {
            gate.open(snapshot.jobId(), streamedLog().existing(), submitted.inputsDigest());
        } else {
            gate.close(snapshot.jobId(), Messages.JobRun_closedRemotely(snapshot.status()));
        }
    }

    /**
     * The cursor, the unfinished line and the file length are persisted together. Saved when the status changed; a
     * log cursor move alone rides along with the next status save, or is saved if the last save is
     * {@link #CURSOR_SAVE} old: each save wakes the build's CPS VM. A resume after a hard crash still repeats nothing,
     * as the streamed file holds what came after the save, and {@link StreamedLog#restore} matches it.
     */
    @Override
    public void onProgress(WatchHandle h, @CheckForNull String line, long streamedBytes) {
        boolean statusChanged = handle == null || !Objects.equals(handle.lastStatus(), h.lastStatus());
        handle = h;
        pendingLine = line;
        logBytes = streamedBytes;
        long now = System.nanoTime();
        if (statusChanged || now - lastSaveNanos >= CURSOR_SAVE.toNanos()) {
            save(statusChanged ? "status " + h.lastStatus() : "log cursor");
        }
    }

    @Override
    public void say(String line) {
        BuildLogListener.say(listener, line);
    }

    private String name(SubmittedJob sub) {
        return sub.targetName() != null ? sub.targetName() : spec.target();
    }

    private static String describe(Map<String, String> shown) {
        return shown.isEmpty() ? "" : shown.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " with ", ""));
    }
}
