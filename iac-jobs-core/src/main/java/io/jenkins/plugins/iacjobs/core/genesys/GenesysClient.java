package io.jenkins.plugins.iacjobs.core.genesys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.auth.CachedTokenSource;
import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.OAuthClientCredentialsGrant;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorInput;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorList;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorMetadata;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorSpecification;
import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.http.ApiRequest;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.PathSegments;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import io.jenkins.plugins.iacjobs.core.http.RetryPolicy;
import io.jenkins.plugins.iacjobs.core.http.ServerClock;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The Genesys Cloud Infrastructure as Code API ({@code /api/v2/infrastructureascode}): accelerators, job
 * submission, job status and history. Immutable and thread-safe.
 */
public final class GenesysClient {
    public static final String SYSTEM = "Genesys Cloud";
    private static final int MAX_PAGES = 100;

    private final RestClient rest;
    private final HttpUrl apiBase;

    private GenesysClient(RestClient rest, HttpUrl apiBase) {
        this.rest = rest;
        this.apiBase = apiBase;
    }

    public static GenesysClient create(OkHttpClient http, ObjectMapper json, TokenSource tokens, GenesysEndpoints endpoints) {
        return new GenesysClient(RestClient.create(http, json, tokens, SYSTEM, GenesysErrors.INSTANCE), endpoints.apiBase());
    }

    /** A copy with another retry policy; the watcher polls with {@link RetryPolicy#none()} and reschedules itself. */
    /** Wires a client with a token source shared through {@code registry} (one token per credential). */
    public static GenesysClient connect(OkHttpClient http, ObjectMapper json, GenesysEndpoints endpoints,
                                        ClientCredentials credentials, TokenSourceRegistry registry, Clock clock) {
        return connect(http, json, endpoints, credentials, TokenSourceRegistry.digest(credentials.clientSecret()), registry, clock);
    }

    /** @param secretDigest a {@link TokenSourceRegistry#digest} of the client secret, made once by the caller */
    public static GenesysClient connect(OkHttpClient http, ObjectMapper json, GenesysEndpoints endpoints,
                                        ClientCredentials credentials, String secretDigest, TokenSourceRegistry registry, Clock clock) {
        TokenSource tokens = registry.getByDigest(endpoints.tokenUrl().toString(), credentials.clientId(), secretDigest,
                () -> CachedTokenSource.withDeadlines(OAuthClientCredentialsGrant.basic(
                        RestClient.create(http, json, null, SYSTEM, OAuthClientCredentialsGrant::decodeOAuthError),
                        endpoints.tokenUrl(), credentials, clock), clock));
        return create(http, json, tokens, endpoints);
    }

    public GenesysClient withRetryPolicy(RetryPolicy policy) {
        return new GenesysClient(rest.withRetryPolicy(policy), apiBase);
    }

    /** A copy that sends nothing and waits for no retry past {@code deadline} (null: no deadline). */
    public GenesysClient withDeadline(@CheckForNull Instant deadline) {
        return deadline == null ? this : new GenesysClient(rest.withDeadline(deadline), apiBase);
    }

    /** Genesys Cloud's clock, learnt from its answers; see {@link JobSubmitter}. */
    public ServerClock serverClock() {
        return rest.serverClock();
    }

    public HttpUrl apiBase() {
        return apiBase;
    }

    public ObjectMapper json() {
        return rest.json();
    }

    public AcceleratorList listAccelerators(AcceleratorQuery q) {
        HttpUrl.Builder u = base("accelerators").newBuilder();
        param(u, "pageSize", q.pageSize());
        param(u, "pageNumber", q.pageNumber());
        param(u, "sortBy", q.sortBy());
        param(u, "sortOrder", q.sortOrder());
        param(u, "name", q.name());
        param(u, "description", q.description());
        param(u, "origin", q.origin());
        param(u, "type", q.type());
        param(u, "classification", q.classification());
        param(u, "tags", q.tags());
        return rest.sendJson(ApiRequest.get("list accelerators", u.build()), AcceleratorList.class);
    }

    /** Every page of the listing, up to a sane bound. */
    public List<AcceleratorMetadata> listAllAccelerators(AcceleratorQuery q) {
        List<AcceleratorMetadata> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            AcceleratorList l = listAccelerators(q.page(page));
            all.addAll(l.entities());
            int pages = l.pageCount() == null ? page : l.pageCount();
            if (l.entities().isEmpty() || page >= pages) {
                break;
            }
        }
        return all;
    }

    public AcceleratorSpecification getAccelerator(String acceleratorId) {
        HttpUrl u = PathSegments.append(base("accelerators"), "accelerator id", acceleratorId);
        return rest.sendJson(ApiRequest.get("get accelerator '" + acceleratorId + "'", u), AcceleratorSpecification.class);
    }

    /**
     * Submits a job. Not idempotent: if the answer is lost this throws
     * {@link io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException}; see {@link JobSubmitter}.
     */
    public InfrastructureascodeJob submitJob(AcceleratorInput input) {
        RequestBody body;
        try {
            body = RequestBody.create(rest.json().writeValueAsBytes(input), ApiRequest.JSON);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the job input", e);
        }
        return rest.sendJson(ApiRequest.create("submit a job for accelerator '" + input.acceleratorId() + "'", base("jobs"), body),
                InfrastructureascodeJob.class);
    }

    public InfrastructureascodeJob getJob(String jobId, boolean details) {
        return rest.sendJson(ApiRequest.get("get job " + jobId, jobUrl(jobId, details)), InfrastructureascodeJob.class);
    }

    /**
     * Streams the job with its details (results, error) to {@code target} as returned, without holding the
     * body in memory: results may be hundreds of megabytes. Written to a temporary file, then moved.
     */
    public void downloadJob(String jobId, Path target) {
        rest.send(ApiRequest.get("download job " + jobId, jobUrl(jobId, true)), response -> {
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".job-", ".part");
            try (InputStream in = RestClient.bodyStream(response)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return null;
        });
    }

    /**
     * The job history. The SDK declares a single job as the response; servers have been seen to answer with
     * an object, an array or an {@code entities} envelope, so all three are accepted.
     */
    public JobHistory jobHistory(JobHistoryQuery q) {
        HttpUrl.Builder u = base("jobs").newBuilder();
        param(u, "maxResults", q.maxResults());
        param(u, "includeErrors", q.includeErrors());
        param(u, "sortBy", "dateSubmitted");
        param(u, "sortOrder", "desc");
        param(u, "acceleratorId", q.acceleratorId());
        param(u, "submittedBy", q.submittedBy());
        param(u, "status", q.status());
        ApiRequest request = ApiRequest.get("read the job history", u.build());
        JsonNode n = rest.sendTree(request, "a job, a list of jobs or an entities envelope");
        List<InfrastructureascodeJob> jobs = new ArrayList<>();
        JsonNode items = n.isArray() ? n : n.has("entities") ? n.get("entities") : null;
        boolean listing = items != null;
        try {
            if (items != null) {
                for (JsonNode item : items) {
                    jobs.add(rest.json().treeToValue(item, InfrastructureascodeJob.class));
                }
            } else if (n.isObject() && n.has("id")) {
                jobs.add(rest.json().treeToValue(n, InfrastructureascodeJob.class));
            } else if (!(n.isObject() && n.isEmpty()) && !n.isNull()) {
                throw new MalformedResponseException(SYSTEM, request.operation(), "a job, a list of jobs or an entities envelope",
                        200, null, Excerpts.of(n.toString()));
            }
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(SYSTEM, request.operation(), "jobs with string fields", 200, null,
                    Excerpts.of(n.toString()));
        }
        return new JobHistory(jobs, listing);
    }

    /** The Genesys Cloud admin UI has no public deep link for IaC jobs; the API URL is the stable reference. */
    public String jobApiUrl(String jobId) {
        return jobUrl(jobId, false).toString();
    }

    private HttpUrl jobUrl(String jobId, boolean details) {
        HttpUrl.Builder u = PathSegments.append(base("jobs"), "job id", JobIds.requireUuid("job id", jobId)).newBuilder();
        if (details) {
            u.addQueryParameter("details", "true");
        }
        return u.build();
    }

    private HttpUrl base(String collection) {
        return apiBase.newBuilder().addPathSegments("api/v2/infrastructureascode").addPathSegment(collection).build();
    }

    private static void param(HttpUrl.Builder u, String name, @CheckForNull Object value) {
        if (value != null) {
            u.addQueryParameter(name, value.toString());
        }
    }
}
