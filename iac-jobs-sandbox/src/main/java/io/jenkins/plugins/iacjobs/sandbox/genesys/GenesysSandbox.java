package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.FaultInjector;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.Router;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.SandboxCounters;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import io.jenkins.plugins.iacjobs.sandbox.SandboxSystem;
import io.jenkins.plugins.iacjobs.sandbox.TokenLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Genesys Cloud stand-in: OAuth client credentials and the Infrastructure as Code API (API-DIGEST §1).
 * Tests and benchmarks use it to script jobs ({@link #setJobPlanner}) and to read per-job facts.
 */
public final class GenesysSandbox implements SandboxSystem , JobStore{

    private final SandboxConfig config;
    private final SandboxCounters counters;
    private final FaultInjector faults;
    private final Clock clock;
    private final AcceleratorCatalogue catalogue = AcceleratorCatalogue.standard();
    private final JobPlanner defaultPlanner = new DefaultJobPlanner(catalogue);
    private final TokenStore tokens;
    private final GenesysDialect dialect;
    private final Map<String, SandboxJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger jobIndex = new AtomicInteger();
    private volatile JobPlanner planner = defaultPlanner;
    /** Accelerators whose infrastructure matches what they would make: their dry runs plan no changes. */
    private final java.util.Set<String> inSync = ConcurrentHashMap.newKeySet();
    private volatile int holdAnswersSeconds;
    private final java.util.concurrent.atomic.AtomicInteger holdSkip = new java.util.concurrent.atomic.AtomicInteger();
    /** Resources changed in the organization, by accelerator id: dry runs plan to update them. */
    private final Map<String, List<String>> changedOutside = new ConcurrentHashMap<>();

    public GenesysSandbox(SandboxConfig config, SandboxCounters counters, FaultInjector faults, TokenLog issued,
                          Clock clock) {
        this.config = config;
        this.counters = counters;
        this.faults = faults;
        this.clock = clock;
        this.tokens = new TokenStore(clock, Duration.ofSeconds(config.tokenLifetimeSeconds()), issued);
        this.dialect = new GenesysDialect(tokens);
    }

    @Override
    public String name() {
        return "genesys";
    }

    @Override
    public void registerRoutes(Router router) {
        OAuthTokenEndpoint oauth = new OAuthTokenEndpoint(config.genesysClientId(), config.genesysClientSecret(), tokens);
        AcceleratorEndpoints accelerators = new AcceleratorEndpoints(catalogue);
        JobEndpoints jobEndpoints = new JobEndpoints(this);
        router.plain("POST", OAuthTokenEndpoint.PATH, dialect, SandboxCounters.TOKEN_REQUESTS, oauth::token);
        router.api("GET", AcceleratorEndpoints.PATH, dialect, SandboxCounters.ACCELERATOR_REQUESTS, request -> {
            authorize(request);
            accelerators.list(request);
        });
        router.api("GET", AcceleratorEndpoints.PATH + "/{acceleratorId}", dialect, SandboxCounters.ACCELERATOR_REQUESTS,
                request -> {
                    authorize(request);
                    accelerators.get(request);
                });
        router.api("POST", JobEndpoints.PATH, dialect, SandboxCounters.SUBMIT_REQUESTS, jobEndpoints::submit);
        router.api("GET", JobEndpoints.PATH + "/{jobId}", dialect, SandboxCounters.STATUS_REQUESTS, jobEndpoints::get);
        router.api("GET", JobEndpoints.PATH, dialect, SandboxCounters.HISTORY_REQUESTS, jobEndpoints::history);
        router.plain("GET", "/sandbox/genesys/jobs", dialect, null, this::describeJobs);
        router.plain("POST", "/sandbox/genesys/in-sync", dialect, null, this::inSync);
        router.plain("POST", "/sandbox/genesys/hold-answers", dialect, null, this::holdAnswers);
        router.plain("POST", "/sandbox/genesys/changed-outside", dialect, null, this::changedOutside);
    }

    /**
     * {@code POST /sandbox/genesys/changed-outside?accelerator=NAME_OR_ID&resource=TYPE.NAME} (or {@code &clear=true}):
     * someone changed a resource in the organization, so dry runs of the accelerator from now on also plan to update
     * it. A plan that changes between a reviewed dry run and the apply, for tests outside this JVM.
     */
    private void changedOutside(SandboxRequest request) throws IOException {
        String which = request.query("accelerator");
        Optional<Accelerator> a = accelerator(which);
        if (a.isEmpty()) {
            request.respondJson(404, Json.object().put("message", "no accelerator " + which));
            return;
        }
        String resource = request.query("resource");
        if (Boolean.parseBoolean(request.query("clear"))) {
            changedOutside.remove(a.get().id());
        } else if (resource != null && !resource.isBlank()) {
            changeOutside(a.get().id(), resource.strip());
        }
        ObjectNode answer = Json.object().put("accelerator", a.get().id());
        changedOutside.getOrDefault(a.get().id(), List.of()).forEach(answer.putArray("changedOutside")::add);
        request.respondJson(200, answer);
    }

    /** Dry runs of the accelerator (by name or id) from now on also plan to update {@code address} ({@code type.name}). */
    public void changeOutside(String acceleratorNameOrId, String address) {
        String id = accelerator(acceleratorNameOrId).orElseThrow(() -> new IllegalArgumentException("no accelerator "
                + acceleratorNameOrId)).id();
        changedOutside.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(address);
    }

    private Optional<Accelerator> accelerator(String nameOrId) {
        return nameOrId == null ? Optional.empty() : catalogue.all().stream()
                .filter(x -> x.id().equals(nameOrId) || x.name().equals(nameOrId)).findFirst();
    }

    /**
     * {@code POST /sandbox/genesys/in-sync?accelerator=NAME_OR_ID&value=true|false}: a drift check's switch, for tests
     * outside this JVM. True: the infrastructure matches the accelerator, so its dry runs plan no changes; false (drift):
     * they plan what the accelerator makes.
     */
    private void inSync(SandboxRequest request) throws IOException {
        String which = request.query("accelerator");
        Optional<Accelerator> a = accelerator(which);
        if (a.isEmpty()) {
            request.respondJson(404, Json.object().put("message", "no accelerator " + which));
            return;
        }
        setInSync(a.get().id(), Boolean.parseBoolean(request.query("value")));
        request.respondJson(200, Json.object().put("accelerator", a.get().id()).put("inSync", inSync.contains(a.get().id())));
    }

    /**
     * {@code POST /sandbox/genesys/hold-answers?seconds=N&skip=K}: from now on each submission creates its job at once
     * and answers N seconds later (0: at once again), except the next K, so a test outside this JVM can stop the
     * caller between the two (a controller killed with its submission in flight, right after a neighbour's).
     */
    private void holdAnswers(SandboxRequest request) throws IOException {
        holdSkip.set(request.queryInt("skip", 0, 0, 1000));
        holdAnswersSeconds = request.queryInt("seconds", 0, 0, 3600);
        request.respondJson(200, Json.object().put("holdAnswersSeconds", holdAnswersSeconds).put("skip", holdSkip.get()));
    }

    /** How long this submission's answer waits after its job was made, the skip counted: see {@link #holdAnswers}. */
    @Override
    public int takeAnswerHold() {
        int hold = holdAnswersSeconds;
        return hold > 0 && holdSkip.getAndDecrement() <= 0 ? hold : 0;
    }

    /** Whether dry runs of {@code acceleratorId} plan no changes (true) or what the accelerator makes (false, the default). */
    public void setInSync(String acceleratorId, boolean matches) {
        if (matches) {
            inSync.add(acceleratorId);
        } else {
            inSync.remove(acceleratorId);
        }
    }

    /** For benchmarks outside this JVM: every job with when it was submitted and when it ends (or ended). */
    private void describeJobs(SandboxRequest request) throws IOException {
        ArrayNode list = Json.array();
        for (GenesysJob j : jobs()) {
            list.addObject().put("id", j.id()).put("status", j.status().wire()).put("dryRun", j.dryRun())
                    .put("queueName", j.parameters().get("queue_name")) // benchmarks match jobs to builds by it
                    .put("submittedAt", j.dateSubmitted().toString())
                    .put("terminalAt", j.scheduledTerminalAt() == null ? null : j.scheduledTerminalAt().toString());
        }
        ObjectNode body = Json.object();
        body.set("jobs", list);
        request.respondJson(200, body);
    }

    /** Replaces how new jobs play out; null restores {@link #defaultPlanner()}. Jobs already created keep their plan. */
    public void setJobPlanner(JobPlanner planner) {
        this.planner = planner == null ? defaultPlanner : planner;
    }

    /** The catalogue's own behaviour, for planners that only change some jobs. */
    public JobPlanner defaultPlanner() {
        return defaultPlanner;
    }

    @Override
    public AcceleratorCatalogue catalogue() {
        return catalogue;
    }

    /** The user id jobs submitted with this OAuth client show as {@code submittedBy.id}. */
    public String userIdFor(String clientId) {
        return UUID.nameUUIDFromBytes(("genesys-user:" + clientId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@link #userIdFor} of the configured client. */
    public String submitterId() {
        return userIdFor(config.genesysClientId());
    }

    public Optional<GenesysJob> job(String jobId) {
        return findJob(jobId).map(job -> job.snapshot(now()));
    }

    /** All jobs, oldest first. */
    public List<GenesysJob> jobs() {
        Instant now = now();
        return jobs.values().stream().sorted((a, b) -> Long.compare(a.sequence, b.sequence))
                .map(job -> job.snapshot(now)).toList();
    }

    /**
     * When the job became terminal: the scheduled instant (not the time anyone looked), or empty while it is not
     * terminal yet or unknown.
     */
    public Optional<Instant> terminalAt(String jobId) {
        return findJob(jobId).map(SandboxJob::terminalAt).filter(at -> !now().isBefore(at));
    }

    /** Invalidates every issued token, as a credential rotation would. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    /** The OAuth client id whose bearer token the request carries; a 401 ErrorBody otherwise. */
    @Override
    public String authorize(SandboxRequest request) {
        String token = request.bearerToken();
        if (token == null) {
            throw ApiError.unauthorized("No authentication bearer token specified in authorization header");
        }
        return tokens.clientFor(token).orElseThrow(
                () -> ApiError.unauthorized("Invalid login credentials: the access token is unknown, expired or revoked"));
    }

    @Override
    public SandboxJob createJob(Accelerator accelerator, Map<String, String> parameters, boolean dryRun, String clientId) {
        int index = jobIndex.getAndIncrement();
        List<String> changed = changedOutside.getOrDefault(accelerator.id(), List.of());
        JobPlan plan = dryRun && inSync.contains(accelerator.id())
                ? JobPlan.complete(ResultsSource.of(DefaultJobPlanner.noChanges(accelerator, parameters)))
                : dryRun && !changed.isEmpty() && planner instanceof DefaultJobPlanner
                ? JobPlan.complete(ResultsSource.of(DefaultJobPlanner.withUpdates(DefaultJobPlanner.plan(accelerator, parameters), changed)))
                : Objects.requireNonNull(planner.plan(accelerator.id(), parameters, dryRun, index), "job planner returned null");
        SandboxJob job = new SandboxJob(index, UUID.randomUUID().toString(), accelerator.id(), dryRun, parameters,
                now(), userIdFor(clientId), plan, config.timeScale());
        jobs.put(job.id, job);
        counters.increment(SandboxCounters.JOBS_CREATED);
        counters.recordSubmission(job.id);
        return job;
    }

    @Override
    public Optional<SandboxJob> findJob(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public Collection<SandboxJob> allJobs() {
        return jobs.values();
    }

    @Override
    public HistoryShape historyShape() {
        return config.historyShape();
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
}
