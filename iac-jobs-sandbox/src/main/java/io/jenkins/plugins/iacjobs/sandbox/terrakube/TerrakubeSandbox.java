package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.FaultInjector;
import io.jenkins.plugins.iacjobs.sandbox.Router;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.SandboxCounters;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import io.jenkins.plugins.iacjobs.sandbox.SandboxSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Terrakube stand-in (API-DIGEST §2, as observed on a 2.27 server in §2.9): organizations, workspaces, templates,
 * jobs whose steps run on a timeline, step logs that grow while a step runs, approval, cancel and delete, and bearer
 * tokens. It can also speak the older jobs API ({@code command: plan|apply|destroy}, no templates).
 * All job state is guarded by one lock and advanced to "now" on each request.
 */
public final class TerrakubeSandbox implements SandboxSystem , TerrakubeState{
    public static final String ORGANIZATION = Catalogue.ORGANIZATION;
    public static final String APPROVAL_TEAM = Catalogue.APPROVAL_TEAM;

    public static final String CREATE_REQUESTS = "terrakubeCreateRequests";
    public static final String JOBS_CREATED = "terrakubeJobsCreated";
    public static final String JOB_REQUESTS = "terrakubeJobRequests";
    public static final String LIST_REQUESTS = "terrakubeListRequests";
    public static final String LOG_REQUESTS = "terrakubeLogRequests";
    public static final String APPROVALS = "terrakubeApprovals";
    public static final String DUPLICATE_APPROVALS = "terrakubeDuplicateApprovals";
    public static final String REJECTIONS = "terrakubeRejections";
    public static final String CANCELS = "terrakubeCancels";
    public static final String DELETES = "terrakubeDeletes";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxCounters counters;
    private final FaultInjector faults;
    private final Clock clock;
    private final Catalogue catalogue = new Catalogue();
    private final Map<String, TokenAccess> tokens = new ConcurrentHashMap<>();
    private final String token;
    private final TreeMap<Long, SandboxRun> runs = new TreeMap<>();
    private final Object lock = new Object();
    private volatile Timings timings;
    private volatile boolean older;
    private volatile int logLines = 40;
    private long nextId = 1;

    public TerrakubeSandbox(SandboxConfig config, SandboxCounters counters, FaultInjector faults, Clock clock) {
        this.counters = counters;
        this.faults = faults;
        this.clock = clock;
        this.timings = Timings.defaults().scaled(config.timeScale());
        this.token = issueToken(TokenAccess.MANAGE);
    }

    @Override
    public String name() {
        return "terrakube";
    }

    @Override
    public void registerRoutes(Router router) {
        TerrakubeDialect d = new TerrakubeDialect();
        CatalogueEndpoints cat = new CatalogueEndpoints(this);
        JobEndpoints jobs = new JobEndpoints(this);
        String api = "/api/v1";
        String org = api + "/organization/{org}";
        router.api("GET", api + "/organization", d, LIST_REQUESTS, cat::organizations);
        router.api("GET", org + "/workspace", d, LIST_REQUESTS, cat::workspaces);
        router.api("GET", org + "/template", d, LIST_REQUESTS, cat::templates);
        router.api("POST", org + "/job", d, CREATE_REQUESTS, jobs::create);
        router.api("GET", org + "/job", d, LIST_REQUESTS, jobs::listOrganization);
        router.api("GET", org + "/workspace/{ws}/job", d, LIST_REQUESTS, jobs::listWorkspace);
        router.api("GET", org + "/job/{job}", d, JOB_REQUESTS, jobs::get);
        router.api("PATCH", org + "/job/{job}", d, null, jobs::patch);
        router.api("DELETE", org + "/job/{job}", d, DELETES, jobs::delete);
        router.api("DELETE", org + "/job/{job}/step/{step}", d, DELETES, jobs::deleteStep);
        router.api("POST", api + "/workspace/{ws}/job", d, CREATE_REQUESTS, jobs::createCommand);
        router.api("GET", api + "/workspace/{ws}/job", d, LIST_REQUESTS, jobs::listWorkspace);
        router.api("GET", api + "/workspace/{ws}/job/{job}", d, JOB_REQUESTS, jobs::get);
        router.api("PATCH", api + "/workspace/{ws}/job/{job}", d, null, jobs::patch);
        router.api("DELETE", api + "/workspace/{ws}/job/{job}", d, DELETES, jobs::delete);
        router.api("GET", "/tfoutput/v1/organization/{org}/job/{job}/step/{step}", d, LOG_REQUESTS, cat::log);
        StateEndpoints state = new StateEndpoints(this);
        router.api("GET", org + "/workspace/{ws}/history", d, LIST_REQUESTS, state::history);
        router.api("GET", "/tfstate/v1/organization/{org}/workspace/{ws}/state/{file}", d, LOG_REQUESTS, state::stateJson);
        router.api("GET", "/remote/tfe/v2/workspaces/{ws}/current-state-version-outputs", d, LIST_REQUESTS, state::currentOutputs);
    }

    /** What a sandbox apply's sensitive output starts with (then the job id): tests look for it where it must not be. */
    public static final String SECRET_OUTPUT_PREFIX = StateEndpoints.SECRET_OUTPUT_PREFIX;

    /** The token with manage and approve permissions that the sandbox prints at start. */
    public String token() {
        return token;
    }

    /** A new token with the given access, like a team token of another team. */
    public String issueToken(TokenAccess access) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String t = "tkb-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(t, access);
        return t;
    }

    @Override
    public String organizationId() {
        return catalogue.organizationId;
    }

    /** Workspaces by name: {@code sandbox-workspace}, {@code staging}, {@code no-changes}, {@code broken-plan}, {@code broken-apply}. */
    public List<SandboxWorkspace> workspaces() {
        return catalogue.workspaces;
    }

    /** Template names: {@code Plan}, {@code Plan and apply} (with approval), {@code Plan and apply without approval}, {@code Destroy}. */
    public List<String> templateNames() {
        return catalogue.templates.stream().map(SandboxTemplate::name).toList();
    }

    /** Speak the older jobs API: no templates, jobs created with {@code command} on {@code /workspace/{id}/job}. */
    public void useOlderApi(boolean olderApi) {
        this.older = olderApi;
    }

    public void setTimings(Timings unscaled, double timeScale) {
        this.timings = unscaled.scaled(timeScale);
    }

    /** Lines of resource output per step log (the logs of jobs created later). */
    public void setLogLines(int lines) {
        this.logLines = lines;
    }

    /** A job's status now, or empty once deleted. */
    public Optional<String> jobStatus(String jobId) {
        return withRun(jobId, r -> r.status);
    }

    /** The complete log of each step that has run, in step order, as UTF-8 text. */
    public List<String> stepLogs(String jobId) {
        return withRun(jobId, r -> r.steps.stream().filter(s -> s.log.length > 0 && s.hasRun())
                .map(s -> new String(s.log, StandardCharsets.UTF_8)).toList()).orElse(List.of());
    }

    /** Step statuses in step order. */
    public List<String> stepStatuses(String jobId) {
        return withRun(jobId, r -> r.steps.stream().map(s -> s.status).toList()).orElse(List.of());
    }

    /** Approvals PATCHed while the job was not waiting for one (a real server runs the steps again for each). */
    public int duplicateApprovals(String jobId) {
        return withRun(jobId, r -> r.duplicateApprovals).orElse(0);
    }

    public int jobCount() {
        synchronized (lock) {
            return runs.size();
        }
    }

    private <T> Optional<T> withRun(String jobId, Function<SandboxRun, T> f) {
        synchronized (lock) {
            advanceAll();
            SandboxRun r = find(jobId);
            return r == null ? Optional.empty() : Optional.ofNullable(f.apply(r));
        }
    }

    // ---- used by the endpoints, always under lock() ----

    @Override
    public Object lock() {
        return lock;
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public boolean older() {
        return older;
    }

    @Override
    public SandboxCounters counters() {
        return counters;
    }

    @Override
    public FaultInjector faults() {
        return faults;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Timings timings() {
        return timings;
    }

    /** Advances every job, oldest first, so a job waiting for an earlier one in its workspace sees it finished. */
    @Override
    public void advanceAll() {
        Instant now = now();
        for (SandboxRun r : runs.values()) {
            SandboxRun blocker = null;
            Instant unblockedAt = null;
            for (SandboxRun earlier : runs.headMap(r.id).values()) {
                if (earlier.workspace.id().equals(r.workspace.id())) {
                    if (!earlier.isDone()) {
                        blocker = earlier;
                    } else if (unblockedAt == null || earlier.doneAt.isAfter(unblockedAt)) {
                        unblockedAt = earlier.doneAt;
                    }
                }
            }
            r.advance(now, timings, blocker, unblockedAt);
        }
    }

    @Override
    public SandboxRun create(SandboxWorkspace ws, SandboxTemplate template, String command, List<Flow> flows, String branch, String via,
                      String comments) {
        SandboxRun run = new SandboxRun(nextId++, ws, template, command, flows, branch, via, comments, "sandbox@example.com", now(),
                timings, logLines);
        runs.put(run.id, run);
        counters.increment(JOBS_CREATED);
        counters.recordSubmission(ws.id());
        return run;
    }

    @Override
    public SandboxRun find(String jobId) {
        try {
            return runs.get(Long.parseLong(jobId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public List<SandboxRun> runs() {
        return new ArrayList<>(runs.values());
    }

    @Override
    public void remove(SandboxRun run) {
        runs.remove(run.id);
    }

    /**
     * The caller's access. No token: 401. A token this server did not issue: 500, as a real Terrakube answers
     * while it tries OIDC discovery for it, with Spring's error body rather than JSON:API.
     */
    @Override
    public TokenAccess authorize(SandboxRequest request) throws IOException {
        String t = request.bearerToken();
        if (t == null) {
            throw new ApiError(401, "unauthorized", "Full authentication is required to access this resource");
        }
        TokenAccess access = tokens.get(t);
        if (access == null) {
            Responses.springError(request, 500, "Internal Server Error");
            throw new ApiError(500, "internal", "unknown token");
        }
        return access;
    }
}
