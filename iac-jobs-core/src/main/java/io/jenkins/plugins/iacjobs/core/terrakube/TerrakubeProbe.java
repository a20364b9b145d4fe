package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Step;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Polls one Terrakube job: gets it with its steps, streams the new part of each step log, and applies the approve
 * policy at {@code waitingApproval}. Once bytes have gone to the sink nothing may throw, or the advanced cursor
 * would be lost and the bytes written again; so log and approval failures are handled here and only the first
 * GET may fail the poll.
 */
final class TerrakubeProbe implements JobProbe {
    /** Polls spent trying to finish the logs of an ended job before giving up on them. */
    static final int LOG_ATTEMPTS_AFTER_END = 5;
    /** Approvals sent without an answer before the watch stops trying and asks a person. */
    static final int MAX_UNSURE_APPROVALS = 3;
    private static final Set<String> STEP_ENDED = Set.of("completed", "failed", "notexecuted", "cancelled", "rejected", "nochanges");

    private final TerrakubeClient client;
    private final ServerContext server;
    private final Function<String, ApprovePolicy> policyFor;
    private final Map<String, Integer> logAttempts = new ConcurrentHashMap<>();

    TerrakubeProbe(TerrakubeClient client, ServerContext server, Function<String, ApprovePolicy> policyFor) {
        this.client = client;
        this.server = server;
        this.policyFor = policyFor;
    }

    /** Jobs are polled one by one (the job list cannot page), but one Terrakube server is one lane. */
    @Override
    public String laneKey() {
        return "terrakube|" + client.connection().baseUrl();
    }

    @Override
    public JobSnapshot poll(WatchHandle handle, LogSink logs) {
        String orgId = server.orgId();
        TerrakubeJob job = client.getJob(orgId, handle.jobId());
        LogCursor cursor = LogCursor.parse(handle.logCursor());
        ApprovePolicy policy = cursor.policy();
        if (policy == null) {
            policy = policyFor.apply(handle.jobId());
            cursor.policy(policy);
        }
        JobState state = TerrakubeStatus.state(job);
        IacJobsException logTrouble = streamLogs(job, cursor, logs);
        if (state == JobState.PENDING && logTrouble == null) {
            sayWhatItWaitsBehind(orgId, job, cursor, logs);
        } else if (cursor.behind() != null) {
            cursor.behind(null); // it started: nothing more to say
        }
        String message = null;
        if (state == JobState.WAITING_APPROVAL) {
            Decision d = onApproval(orgId, job, policy, cursor, logs);
            state = d.state();
            message = d.message();
        }
        if (state.endsWatch() && state != JobState.PAUSED) {
            if (logTrouble != null && logAttempts.merge(job.id(), 1, Integer::sum) < LOG_ATTEMPTS_AFTER_END) {
                state = JobState.RUNNING; // ended, but its logs are not all in yet: poll again
            } else {
                if (logTrouble != null) {
                    logs.write("[iacjobs] Part of the step logs could not be read: " + logTrouble.getMessage() + "\n");
                }
                logAttempts.remove(job.id());
                message = TerrakubeOutcome.describe(job);
            }
        }
        return new JobSnapshot(job.id(), job.status(), state, message, cursor.format());
    }

    /**
     * A job that has not started may wait behind an earlier job of its workspace (Terrakube runs one at a time): the
     * log names that job and its status, once, and again when either changes. Best effort: a listing that fails is
     * tried again on the next poll, and never fails this one.
     */
    private void sayWhatItWaitsBehind(String orgId, TerrakubeJob job, LogCursor cursor, LogSink logs) {
        if (job.workspaceId() == null || server.generation() == ApiGeneration.OLDER) {
            return;
        }
        TerrakubeJob blocker;
        try {
            blocker = earliestBefore(job, client.listActiveWorkspaceJobs(orgId, job.workspaceId()));
        } catch (IacJobsException e) {
            return;
        }
        String now = blocker == null ? null : blocker.id() + ":" + blocker.status();
        String before = cursor.behind();
        if (Objects.equals(now, before)) {
            return;
        }
        cursor.behind(now);
        if (blocker != null && before != null && before.startsWith(blocker.id() + ":")) {
            logs.write("[iacjobs] Job " + job.id() + " still waits behind job " + blocker.id() + ", now " + blocker.status() + "\n");
        } else if (blocker != null) {
            logs.write("[iacjobs] Job " + job.id() + " waits behind job " + blocker.id() + " (" + blocker.status()
                    + ") of the same workspace: Terrakube runs one job of a workspace at a time, so it starts when job "
                    + blocker.id() + " ends" + (blocker.status() != null && blocker.status().equalsIgnoreCase("waitingApproval")
                    ? " (it waits for approval)" : "") + "\n");
        } else if (before != null) {
            logs.write("[iacjobs] Job " + job.id() + " no longer waits behind job " + before.substring(0, before.indexOf(':'))
                    + "\n");
        }
    }

    /** The earliest job of the list created before {@code job} (ids grow), or null: the one that runs now. */
    @CheckForNull
    static TerrakubeJob earliestBefore(TerrakubeJob job, List<TerrakubeJob> active) {
        long mine = order(job.id());
        TerrakubeJob first = null;
        for (TerrakubeJob j : active) {
            long id = order(j.id());
            if (id < mine && !TerrakubeStatus.isTerminal(j.status()) && (first == null || id < order(first.id()))) {
                first = j;
            }
        }
        return first;
    }

    /** Terrakube job ids are integers sent as strings; one that is not sorts last. */
    private static long order(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Streams every step with a log, in step order; returns the first failure, after which it stops. */
    @CheckForNull
    private IacJobsException streamLogs(TerrakubeJob job, LogCursor cursor, LogSink logs) {
        for (Step step : job.steps()) {
            if (step.id() == null || step.output() == null || cursor.isClosed(step.id())) {
                continue;
            }
            HttpUrl url = client.logUrl(step.output());
            boolean ended = STEP_ENDED.contains(lower(step.status()));
            if (url == null) {
                logs.write("[iacjobs] Step " + step.stepNumber() + " has a log URL that is not a Terrakube log URL;"
                        + " not sending the token there\n");
                cursor.close(step.id());
                continue;
            }
            if (!cursor.started(step.id())) {
                logs.write(header(step));
                cursor.advance(step.id(), 0);
            }
            try {
                boolean toEnd = StepLogStreamer.stream(client, url, cursor, step.id(), logs, ended);
                if (toEnd && ended) {
                    cursor.close(step.id());
                }
            } catch (RemoteApiException e) {
                if (e.status() != 416) { // 416: nothing past what we have
                    return e;
                }
            } catch (IacJobsException e) {
                return e;
            }
        }
        return null;
    }

    private record Decision(JobState state, @CheckForNull String message) {
    }

    private Decision onApproval(String orgId, TerrakubeJob job, ApprovePolicy policy, LogCursor cursor, LogSink logs) {
        String team = job.approvalTeam() == null ? "" : " by team " + job.approvalTeam();
        switch (policy) {
            case NEVER:
                return new Decision(JobState.PAUSED, "Job " + job.id() + " is waiting for approval" + team
                        + "; approve or reject it in Terrakube, or run with approve: auto");
            case WAIT, INPUT:
                return new Decision(JobState.WAITING_APPROVAL, null);
            default:
                break;
        }
        String key = waitKey(job);
        if (cursor.wasApproved(key)) {
            return new Decision(JobState.WAITING_APPROVAL, null); // confirmed: the scheduler has yet to act on it
        }
        int unsure = cursor.unsureSends(key);
        if (unsure >= MAX_UNSURE_APPROVALS) {
            return new Decision(JobState.PAUSED, "Job " + job.id() + " still waits for approval" + team + " after " + unsure
                    + " approvals whose answers were lost; approve it in Terrakube");
        }
        // A PATCH that arrived sets the status at once, so a job read as still waiting after a lost answer never
        // got it: sending again cannot approve twice. A confirmed approval is recorded before anything else.
        cursor.approvalUnsure(key);
        try {
            client.patchStatus(orgId, job.id(), "approved");
            cursor.approved(key);
            logs.write("[iacjobs] Approved job " + job.id() + team + " (approve: auto)\n");
            return new Decision(JobState.WAITING_APPROVAL, null);
        } catch (OutcomeUnknownException e) {
            logs.write("[iacjobs] The approval of job " + job.id() + " got no answer; the next poll checks whether it"
                    + " arrived and sends it again only if the job still waits\n");
            return new Decision(JobState.WAITING_APPROVAL, null);
        } catch (RemoteApiException e) {
            if (e.status() == 429) {
                cursor.unapprove(key); // refused before it was processed: safe to send next poll
                return new Decision(JobState.WAITING_APPROVAL, null);
            }
            return new Decision(JobState.PAUSED, "Could not approve job " + job.id() + ": " + e.getMessage()
                    + ". It is still waiting for approval" + team + " in Terrakube");
        }
    }

    /** One approval wait: the first step that has not ended (the approval step), so a later approval is a new wait. */
    static String waitKey(TerrakubeJob job) {
        for (Step s : job.steps()) {
            if (!STEP_ENDED.contains(lower(s.status()))) {
                return s.id() != null ? s.id() : "step" + s.stepNumber();
            }
        }
        return "job" + job.id();
    }

    private static String header(Step step) {
        return "\n--- Step " + step.stepNumber() + (step.name() == null ? "" : " '" + step.name() + "'") + " ---\n";
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
