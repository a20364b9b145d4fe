package io.jenkins.plugins.iacjobs.core.genesys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.auth.ClientKit;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorInput;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorParameter;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorSpecification;
import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.RetryPolicy;
import io.jenkins.plugins.iacjobs.core.job.CancelOutcome;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.SendJournal;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.report.JsonStringField;
import io.jenkins.plugins.iacjobs.core.watch.JobProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Genesys Cloud Infrastructure as Code as a {@link RemoteJobSystem}: one connection, one client. */
public final class GenesysJobs implements RemoteJobSystem<GenesysJobRequest> {
    public static final String SYSTEM_ID = "genesys";
    /**
     * Jobs covered by one history call at most; older ones are polled one by one. Genesys does not document the
     * largest {@code maxResults} it accepts, so a refused size is halved (see {@link GenesysProbe}).
     */
    public static final int DEFAULT_MAX_BATCH = 1000;

    private final GenesysClient client;
    private final SubmitterMemory submitter = new SubmitterMemory();
    private final JobSubmitter jobSubmitter;
    private final GenesysProbe probe;

    private GenesysJobs(GenesysClient client, String batchKey, Clock clock, int maxBatch) {
        this.client = client;
        this.jobSubmitter = new JobSubmitter(client, submitter, clock);
        this.probe = new GenesysProbe(client.withRetryPolicy(RetryPolicy.none()), batchKey, submitter, maxBatch);
    }

    /**
     * @param tokens a shared token source for this credential
     * @param batchKey identifies connection and credential, so jobs sharing it are polled together
     */
    public static GenesysJobs create(GenesysClient client, String batchKey, Clock clock) {
        return new GenesysJobs(client, batchKey, clock, DEFAULT_MAX_BATCH);
    }

    public static GenesysJobs create(GenesysClient client, String batchKey, Clock clock, int maxBatch) {
        return new GenesysJobs(client, batchKey, clock, maxBatch);
    }


    /**
     * The job system of one API base and credential, as every front end builds it: its client signs in through the
     * kit's shared token cache, and its jobs are polled together under the key {@link #batchKey}.
     */
    public static GenesysJobs connect(ClientKit kit, GenesysEndpoints endpoints, GenesysCredential credential) {
        return create(client(kit, endpoints, credential), batchKey(endpoints, credential), kit.clock());
    }

    /** The client alone, for listings and checks that submit nothing. */
    public static GenesysClient client(ClientKit kit, GenesysEndpoints endpoints, GenesysCredential credential) {
        return credential.client(kit, endpoints);
    }

    /** Jobs of one API base signed in with one credential share one history call; no secret in it. */
    public static String batchKey(GenesysEndpoints endpoints, GenesysCredential credential) {
        return SYSTEM_ID + "|" + endpoints.apiBase() + "|" + credential.digest().substring(0, 16);
    }

    public GenesysClient client() {
        return client;
    }

    @Override
    public String systemId() {
        return SYSTEM_ID;
    }

    @Override
    public String requireJobId(String field, String jobId) {
        return JobIds.requireUuid(field, jobId);
    }

    @Override
    public String displayName() {
        return GenesysClient.SYSTEM;
    }

    @Override
    public SubmittedJob submit(GenesysJobRequest request, Consumer<String> log, SendJournal journal) {
        AcceleratorSpecification spec = new AcceleratorResolver(client.withDeadline(request.deadline())).resolve(request.accelerator());
        AcceleratorInputs inputs = AcceleratorInputs.of(spec);
        List<AcceleratorParameter> params = ParameterValidator.validate(spec.name(), inputs, request.params());
        Map<String, String> shown = shown(request, inputs);
        log.accept("Submitting " + (request.planOnly() ? "a plan-only (dryRun) job" : "a job") + " for accelerator '"
                + spec.name() + "' (" + spec.id() + ")" + (shown.isEmpty() ? "" : " with " + shown));
        return jobSubmitter.submit(new AcceleratorInput(spec.id(), request.planOnly(), params), request.deadline(), log,
                journal::sending, job -> {
                    if (!JobIds.isUuid(job.id())) {
                        throw new MalformedResponseException(GenesysClient.SYSTEM, "submit a job", "a job whose id is a UUID", 200,
                                null, job.id() == null ? "no id" : "id " + Printable.of(job.id()));
                    }
                    SubmittedJob accepted = new SubmittedJob(job.id(), job.status(), spec.id(), spec.name(), request.planOnly(), shown);
                    journal.accepted(accepted);
                    return accepted;
                });
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(GenesysJobRequest request, SendRecord sent) {
        GenesysClient reader = client.withDeadline(request.deadline());
        AcceleratorSpecification spec = new AcceleratorResolver(reader).resolve(request.accelerator());
        AcceleratorInputs inputs = AcceleratorInputs.of(spec);
        Map<String, String> shown = shown(request, inputs);
        return jobSubmitter.find(reader, new AcceleratorInput(spec.id(), request.planOnly(), List.of()), sent)
                .map(job -> new SubmittedJob(job.id(), job.status(), spec.id(), spec.name(), request.planOnly(), shown));
    }

    /** The inputs as they may be shown: the accelerator's sensitive ones and those the request names are masked. */
    private static Map<String, String> shown(GenesysJobRequest request, AcceleratorInputs inputs) {
        Set<String> sensitive = new HashSet<>(inputs.sensitiveNames());
        sensitive.addAll(request.sensitive());
        return Masking.mask(request.params(), sensitive);
    }

    @Override
    public SubmittedJob describe(String jobId) {
        InfrastructureascodeJob job = client.getJob(jobId, false);
        String acceleratorId = job.acceleratorId();
        String name = null;
        if (acceleratorId != null) {
            try {
                name = client.getAccelerator(acceleratorId).name();
            } catch (IacJobsException unknownName) {
                // the id alone still says what ran
            }
        }
        return new SubmittedJob(job.id(), job.status(), acceleratorId, name, job.planOnly(), Map.of());
    }

    @Override
    public JobProbe probe() {
        return probe;
    }

    @Override
    public CancelOutcome cancel(String jobId) {
        return new CancelOutcome(false, "Genesys Cloud has no API to cancel an IaC job: job " + jobId
                + " is still running remotely. Check it in Genesys Cloud before running it again");
    }

    @Override
    public FinalJob fetchFinal(String jobId, Path workDir, @CheckForNull Instant deadline) {
        try {
            Files.createDirectories(workDir);
            Path raw = Files.createTempFile(workDir, ".job-", ".json");
            client.withDeadline(deadline).downloadJob(jobId, raw);
            ObjectNode job;
            try {
                job = JsonStringField.readWithout(raw, "results", client.json());
            } catch (IOException e) {
                throw new MalformedResponseException(GenesysClient.SYSTEM, "get job " + jobId, "an InfrastructureascodeJob object",
                        200, null, e.getMessage());
            }
            String status = job.path("status").asText(null);
            String message = job.path("errorInfo").path("message").asText(null);
            Path results = Files.createTempFile(workDir, ".results-", ".txt");
            boolean hasResults;
            try (OutputStream out = Files.newOutputStream(results)) {
                hasResults = JsonStringField.copy(raw, "results", out);
            }
            Path jobJson = hasResults ? JobJson.withResultsAsJson(job, results, workDir, client.json()).orElse(raw) : raw;
            FinalJob.PlanReader plan = !job.path("dryRun").asBoolean(false) || !hasResults ? null
                    : log -> JobJson.readPlan(results, client.json());
            return new FinalJob(status, message, jobJson, hasResults ? out -> {
                Files.copy(results, out);
                return true;
            } : null, plan);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save job " + jobId + " under " + workDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String remoteUrl(String jobId) {
        return client.jobApiUrl(jobId);
    }
}
