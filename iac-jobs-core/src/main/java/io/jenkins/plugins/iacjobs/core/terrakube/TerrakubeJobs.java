package io.jenkins.plugins.iacjobs.core.terrakube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.HeldBackException;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.ClientKit;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException;
import io.jenkins.plugins.iacjobs.core.http.RetryPolicy;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.SendJournal;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.TerraformPlanText;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Step;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Template;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Workspace;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Terrakube as a {@link RemoteJobSystem}: one organization on one server, reached with one token.
 *
 * <pre>{@code
 * TerrakubeServer c = TerrakubeServer.of("https://terrakube-api.example.com", "my-org");
 * TerrakubeJobs jobs = TerrakubeJobs.create(http, Json.newMapper(), c, TokenSource.fixed(token), Clock.systemUTC());
 * SubmittedJob job = jobs.submit(new TerrakubeJobRequest("my-workspace", "Plan and apply", false, "main", ApprovePolicy.AUTO), log);
 * }</pre>
 *
 * The approve policy of a job is the one it was submitted with through this object, else the one in its persisted
 * log cursor, else {@link #withApprovePolicy this object's default} (for a resume in a new process).
 */
public final class TerrakubeJobs implements RemoteJobSystem<TerrakubeJobRequest> {
    public static final String SYSTEM_ID = "terrakube";

    private final TerrakubeClient client;
    private final ServerContext server;
    private final TargetResolver resolver;
    private final TerrakubeSubmitter submitter;
    private final ApprovePolicy defaultPolicy;
    private final Map<String, ApprovePolicy> policies;
    private final Map<String, String> workspaces;
    private final TerrakubeProbe probe;

    private TerrakubeJobs(TerrakubeClient client, ServerContext server, Clock clock, ApprovePolicy defaultPolicy,
                          Map<String, ApprovePolicy> policies, Map<String, String> workspaces) {
        this.client = client;
        this.server = server;
        this.resolver = new TargetResolver(client);
        this.submitter = new TerrakubeSubmitter(clock);
        this.defaultPolicy = defaultPolicy;
        this.policies = policies;
        this.workspaces = workspaces;
        this.probe = new TerrakubeProbe(client.withRetryPolicy(RetryPolicy.none()), server,
                jobId -> policies.getOrDefault(jobId, defaultPolicy));
    }

    /** As every front end connects: the kit's HTTP client and clock, and a personal access token or team token. */
    public static TerrakubeJobs connect(ClientKit kit, TerrakubeServer server, String token) {
        if (token == null || token.isBlank()) {
            throw new ValidationException("token", "is empty; give a Terrakube personal access token or team token");
        }
        return create(kit.http(), kit.json(), server, TokenSource.fixed(token.strip()), kit.clock());
    }

    /** @param tokens the personal access token or team token, as {@link TokenSource#fixed} */
    public static TerrakubeJobs create(OkHttpClient http, ObjectMapper json, TerrakubeServer connection,
                                       TokenSource tokens, Clock clock) {
        return create(TerrakubeClient.create(http, json, tokens, connection), clock);
    }

    public static TerrakubeJobs create(TerrakubeClient client, Clock clock) {
        return new TerrakubeJobs(client, new ServerContext(client), clock, ApprovePolicy.WAIT,
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** A copy (sharing what was learnt about the server) whose jobs without a known policy use {@code policy}. */
    /** The policy jobs get when none was recorded for them. */
    public ApprovePolicy approvePolicy() {
        return defaultPolicy;
    }

    public TerrakubeJobs withApprovePolicy(ApprovePolicy policy) {
        return new TerrakubeJobs(client, server, submitter.clock(), Objects.requireNonNull(policy, "policy"),
                policies, workspaces);
    }

    public TerrakubeClient client() {
        return client;
    }

    /** The organization's id, resolved from its name once. */
    public String organizationId() {
        return server.orgId();
    }

    /** Which jobs API the server speaks, asked once when the connection says {@link ApiGeneration#DETECT}. */
    public ApiGeneration apiGeneration() {
        return server.generation();
    }

    /** For drop-downs and {@code iacjobs} listings. */
    public List<Workspace> workspaces() {
        return client.listWorkspaces(server.orgId());
    }

    /** For drop-downs; empty on older servers, which run commands ({@code plan}, {@code apply}, {@code destroy}). */
    public List<Template> templates() {
        return server.generation() == ApiGeneration.OLDER ? List.of() : client.listTemplates(server.orgId());
    }

    @Override
    public String systemId() {
        return SYSTEM_ID;
    }

    @Override
    public String requireJobId(String field, String jobId) {
        return JobIds.requireInteger(field, jobId);
    }

    @Override
    public String displayName() {
        return TerrakubeClient.SYSTEM;
    }

    @Override
    public SubmittedJob submit(TerrakubeJobRequest r, Consumer<String> log, SendJournal journal) {
        Instant deadline = r.deadline();
        TerrakubeClient sender = client.withDeadline(deadline);
        // lookups after a lost answer may go on a short grace past the deadline: a job that was made must be named
        TerrakubeClient finder = client.withDeadline(deadline == null ? null
                : later(deadline, submitter.clock().instant()).plus(JobRunner.Evidence.GRACE_AFTER_TIMEOUT));
        String orgId = server.orgId();
        ApiGeneration generation = server.generation();
        Workspace ws = resolver.workspace(orgId, r.workspace());
        TerrakubeJob job;
        String targetId;
        String targetName;
        if (generation == ApiGeneration.OLDER) {
            String command = TargetResolver.command(r.template(), r.planOnly());
            if (r.branch() != null) {
                log.accept("Note: this older Terrakube server takes no branch per job; '" + r.branch() + "' is ignored.");
            }
            log.accept("Creating a '" + command + "' job in workspace '" + ws.name() + "' (" + ws.id() + "), older Terrakube API");
            journal.sending(SendRecord.at(submitter.clock().instant()));
            job = submitter.submit(() -> sender.createCommandJob(ws.id(), command),
                    () -> finder.listCommandJobs(ws.id()), j -> command.equalsIgnoreCase(j.command()), null,
                    client.serverClock(), log);
            targetId = command;
            targetName = command;
        } else {
            Template t = resolver.template(orgId, r.template(), r.planOnly(), client.connection().planOnlyTemplate());
            if (r.queue() == QueuePolicy.FAIL) {
                refuseIfBusy(sender, orgId, ws);
            }
            String via = client.connection().via();
            log.accept("Creating a " + (r.planOnly() ? "plan-only " : "") + "job in workspace '" + ws.name() + "' (" + ws.id()
                    + ") from template '" + t.name() + "' (" + t.id() + ")" + (r.branch() == null ? "" : " on branch " + r.branch()));
            Instant sentAt = submitter.clock().instant();
            String comment = submitter.newRequestComment();
            journal.sending(new SendRecord(sentAt, null, List.of(), comment)); // the comment names our job after a crash
            job = submitter.submit(() -> sender.createJob(orgId, ws.id(), t.id(), r.branch(), via, comment),
                    () -> finder.listWorkspaceJobs(orgId, ws.id()), j -> t.id().equals(j.templateReference()), comment,
                    client.serverClock(), log);
            targetId = t.id();
            targetName = t.name();
        }
        policies.put(job.id(), r.approve());
        workspaces.put(job.id(), ws.id());
        log.accept("Created job " + job.id() + " (" + job.status() + ")");
        SubmittedJob accepted = new SubmittedJob(job.id(), job.status(), targetId, targetName, r.planOnly(), shown(ws, r));
        journal.accepted(accepted);
        return accepted;
    }

    /**
     * Finds the job a create made when its answer was lost with the process (a controller restart): the one job of
     * the same template (or command) in the workspace that IaC Jobs sent at or after {@code sentAt} (our clock, as
     * written in the job's comments; on servers without comments, created since the minute before, their clock).
     * Several such jobs are an error that lists them.
     */
    @Override
    public Optional<SubmittedJob> findSubmitted(TerrakubeJobRequest r, SendRecord sent) {
        Instant sentAt = sent.sentAt();
        String orgId = server.orgId();
        Workspace ws = resolver.workspace(orgId, r.workspace());
        List<TerrakubeJob> found;
        String targetId;
        String targetName;
        if (server.generation() == ApiGeneration.OLDER) {
            String command = TargetResolver.command(r.template(), r.planOnly());
            found = submitter.find(client.listCommandJobs(ws.id()), j -> command.equalsIgnoreCase(j.command()), null, sentAt,
                    client.serverClock());
            targetId = command;
            targetName = command;
        } else {
            Template t = resolver.template(orgId, r.template(), r.planOnly(), client.connection().planOnlyTemplate());
            found = submitter.find(client.listWorkspaceJobs(orgId, ws.id()), j -> t.id().equals(j.templateReference()),
                    sent.marker(), sentAt, client.serverClock());
            targetId = t.id();
            targetName = t.name();
        }
        if (found.size() > 1) {
            throw TerrakubeSubmitter.severalFound("lost with a restart", found);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TerrakubeJob job = found.get(0);
        policies.put(job.id(), r.approve());
        workspaces.put(job.id(), ws.id());
        return Optional.of(new SubmittedJob(job.id(), job.status(), targetId, targetName, r.planOnly(), shown(ws, r)));
    }

    /**
     * {@code queue: fail}: a workspace that runs a job would hold a new one back until it ends, so none is created.
     * Checked just before the create; a job started in between is waited behind, and the log says so.
     */
    private static void refuseIfBusy(TerrakubeClient sender, String orgId, Workspace ws) {
        List<TerrakubeJob> active = sender.listActiveWorkspaceJobs(orgId, ws.id()).stream()
                .filter(j -> !TerrakubeStatus.isTerminal(j.status())).toList();
        if (!active.isEmpty()) {
            TerrakubeJob first = active.get(0);
            throw new HeldBackException("queue", "queue: 'fail', and workspace '" + ws.name() + "' already runs job " + first.id()
                    + " (" + first.status() + ")" + (active.size() > 1 ? " and " + (active.size() - 1) + " more" : "")
                    + "; Terrakube runs one job of a workspace at a time, so no job was created. Wait for job " + first.id()
                    + " to end (approve, reject or cancel it if it waits), or use queue: wait to submit behind it");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<String, String> shown(Workspace ws, TerrakubeJobRequest r) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("workspace", ws.name());
        if (r.branch() != null) {
            shown.put("branch", r.branch());
        }
        shown.put("approve", r.approve().wire());
        return shown;
    }

    @Override
    public JobProbe probe() {
        return probe;
    }

    /** The job as it is now, with its steps. */
    public TerrakubeJob job(String jobId) {
        return client.getJob(server.orgId(), jobId);
    }

    /**
     * Approves a job that is waiting for approval, once. Approving is not idempotent in Terrakube (each PATCH runs
     * the next steps again), so this checks the status first and never retries a PATCH whose answer was lost.
     */
    public void approve(String jobId) {
        setWaitingJob(jobId, "approved");
    }

    /** Rejects a job that is waiting for approval; it ends {@code rejected}. */
    public void reject(String jobId) {
        setWaitingJob(jobId, "rejected");
    }

    /**
     * A decision is sent once. If its answer is lost, the job is read again: one that still waits never got it (a
     * PATCH that arrives sets the status at once), so it is sent once more; otherwise it arrived.
     */
    private void setWaitingJob(String jobId, String status) {
        TerrakubeJob job = job(jobId);
        if (!"waitingApproval".equalsIgnoreCase(job.status())) {
            throw new ValidationException("jobId", "job " + jobId + " is " + job.status()
                    + ", not waitingApproval, so it cannot be " + status);
        }
        try {
            client.patchStatus(server.orgId(), jobId, status);
        } catch (OutcomeUnknownException lost) {
            if ("waitingApproval".equalsIgnoreCase(job(jobId).status())) {
                client.patchStatus(server.orgId(), jobId, status);
            }
        }
    }

    /** PATCHes {@code cancelled}; a job that already ended is left alone, as cancelling would overwrite its status. */
    @Override
    public CancelOutcome cancel(String jobId) {
        String orgId = server.orgId();
        TerrakubeJob job = client.getJob(orgId, jobId);
        if (TerrakubeStatus.isTerminal(job.status())) {
            return new CancelOutcome(false, "Terrakube job " + jobId + " had already ended " + job.status() + "; nothing to cancel");
        }
        try {
            client.patchStatus(orgId, jobId, "cancelled");
        } catch (OutcomeUnknownException e) {
            TerrakubeJob after = client.getJob(orgId, jobId);
            if (!"cancelled".equalsIgnoreCase(after.status())) {
                return new CancelOutcome(false, "Asked Terrakube to cancel job " + jobId + " but got no answer; it is "
                        + after.status() + ". Check it in Terrakube");
            }
        }
        // The status read now is the one to tell: the last poll's may be older ("pending" while it already waited for
        // approval), so the caller says this one in its place (see JobRunner#timedOut)
        return new CancelOutcome(true, "Cancelled Terrakube job " + jobId + "; a step that was already running may still finish",
                job.status());
    }

    /** Deletes a job: its steps first (Terrakube refuses to delete a job that still has steps, with 423), then the job. */
    public void delete(String jobId) {
        String orgId = server.orgId();
        TerrakubeJob job = client.getJob(orgId, jobId);
        for (Step s : job.steps()) {
            client.deleteStep(orgId, jobId, s.id());
        }
        client.deleteJob(orgId, jobId);
        policies.remove(jobId);
        workspaces.remove(jobId);
    }

    /** The job's template (and so whether it only plans) and workspace, as the server has them. */
    @Override
    public SubmittedJob describe(String jobId) {
        String orgId = server.orgId();
        TerrakubeJob job = client.getJob(orgId, jobId);
        String templateId = job.templateReference();
        String templateName = null;
        boolean planOnly = "plan".equalsIgnoreCase(job.command());
        if (templateId != null) {
            for (Template t : client.listTemplates(orgId)) {
                if (templateId.equals(t.id())) {
                    templateName = t.name();
                    planOnly = Tcl.isPlanOnly(t.tcl());
                }
            }
        }
        Map<String, String> shown = new LinkedHashMap<>();
        String workspaceId = job.workspaceId();
        if (workspaceId != null) {
            shown.put("workspace", client.listWorkspaces(orgId).stream().filter(w -> workspaceId.equals(w.id()))
                    .map(Workspace::name).findFirst().orElse(workspaceId));
        }
        String branch = job.overrideBranch();
        if (branch != null && !branch.isBlank()) {
            shown.put("branch", branch);
        }
        return new SubmittedJob(job.id(), job.status(), templateId != null ? templateId : job.command(),
                templateName != null ? templateName : job.command(), planOnly, shown);
    }

    /** The largest job document parsed whole, as for every JSON body (the job's logs are streamed apart). */
    static final long MAX_JOB_DOCUMENT = 32L * 1024 * 1024;

    /** The job document as returned ({@code job.json}) and a step summary as the results. */
    @Override
    public FinalJob fetchFinal(String jobId, Path workDir, @CheckForNull Instant deadline) {
        try {
            Files.createDirectories(workDir);
            Path raw = Files.createTempFile(workDir, ".job-", ".json");
            client.withDeadline(deadline).downloadJob(server.orgId(), jobId, raw);
            long size = Files.size(raw);
            if (size > MAX_JOB_DOCUMENT) { // a job with its steps is kilobytes; logs come separately, streamed
                throw new MalformedResponseException(TerrakubeClient.SYSTEM, "get job " + jobId,
                        "a JSON:API job document of at most " + (MAX_JOB_DOCUMENT >> 20) + " MB", 200, null, size + " bytes");
            }
            JsonNode doc;
            try {
                doc = client.json().readTree(raw.toFile());
            } catch (IOException e) {
                throw new MalformedResponseException(TerrakubeClient.SYSTEM, "get job " + jobId, "a JSON:API job document",
                        200, null, e.getMessage());
            }
            List<JsonNode> data = JsonApi.dataList(doc);
            if (data == null || data.size() != 1) {
                throw new MalformedResponseException(TerrakubeClient.SYSTEM, "get job " + jobId, "a JSON:API job document",
                        200, null, "no data");
            }
            TerrakubeJob job = JsonApi.job(data.get(0), doc.get("included"));
            // indented, as Genesys' job.json is: a person reads it in the build's artifacts
            client.json().writerWithDefaultPrettyPrinter().writeValue(raw.toFile(), doc);
            byte[] summary = client.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(stepSummary(job));
            return new FinalJob(job.status(), TerrakubeOutcome.describe(job), raw, out -> {
                out.write(summary);
                return true;
            }, TerrakubeJobs::readPlan);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save job " + jobId + " under " + workDir + ": " + e.getMessage(), e);
        }
    }

    /** Terraform's outputs after an apply: the state the job wrote, else the workspace's current ones (said so). */
    @Override
    public JobOutputs outputs(String jobId, @CheckForNull Instant deadline) {
        String ws = workspaceOf(jobId);
        if (ws == null) {
            return JobOutputs.none("job " + jobId, "its workspace could not be read, so its outputs cannot be found");
        }
        return new StateOutputs(client.withDeadline(deadline)).of(server.orgId(), jobId, ws);
    }

    /** The job's workspace id: known since it was submitted or looked up here, else read from the job; null if unreadable. */
    @CheckForNull
    private String workspaceOf(String jobId) {
        String ws = workspaces.get(jobId);
        if (ws != null) {
            return ws;
        }
        try {
            ws = client.getJob(server.orgId(), jobId).workspaceId();
        } catch (IacJobsException | UncheckedIOException e) {
            return null;
        }
        if (ws != null) {
            workspaces.put(jobId, ws);
        }
        return ws;
    }

    /** The plan is in the plan step's output: Terraform's text, read up to its summary line. */
    private static Optional<Plan> readPlan(Path streamedLog) throws IOException {
        if (streamedLog == null || !Files.exists(streamedLog)) {
            return Optional.empty();
        }
        try (var in = Files.newBufferedReader(streamedLog, StandardCharsets.UTF_8)) {
            return TerraformPlanText.read(in);
        }
    }

    private ObjectNode stepSummary(TerrakubeJob job) {
        ObjectNode n = client.json().createObjectNode();
        n.put("job", job.id());
        n.put("status", job.status());
        if (job.planChanges() != null) {
            n.put("planChanges", job.planChanges());
        }
        n.put("templateReference", job.templateReference());
        n.put("command", job.command());
        n.put("overrideBranch", job.overrideBranch());
        ArrayNode steps = n.putArray("steps");
        for (Step s : job.steps()) {
            steps.addObject().put("stepNumber", s.stepNumber()).put("name", s.name()).put("status", s.status());
        }
        return n;
    }

    /** The run in the Terrakube UI when the connection has a UI URL, else the job's API URL. */
    @Override
    public String remoteUrl(String jobId) {
        String orgId = server.orgId();
        HttpUrl ui = client.connection().uiUrl();
        if (ui == null) {
            return client.jobApiUrl(orgId, jobId);
        }
        String ws = workspaceOf(jobId);
        if (ws == null) {
            return client.jobApiUrl(orgId, jobId);
        }
        return ui.newBuilder().addPathSegment("organizations").addPathSegment(orgId)
                .addPathSegment("workspaces").addPathSegment(ws).addPathSegment("runs").addPathSegment(jobId).build().toString();
    }
}
