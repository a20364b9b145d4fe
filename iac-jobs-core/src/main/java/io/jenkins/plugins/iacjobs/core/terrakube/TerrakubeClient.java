package io.jenkins.plugins.iacjobs.core.terrakube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.ApiRequest;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.MalformedResponseException;
import io.jenkins.plugins.iacjobs.core.http.PathSegments;
import io.jenkins.plugins.iacjobs.core.http.ResponseReader;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import io.jenkins.plugins.iacjobs.core.http.RetryPolicy;
import io.jenkins.plugins.iacjobs.core.http.ServerClock;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Organization;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Template;
import io.jenkins.plugins.iacjobs.core.terrakube.model.TerrakubeJob;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The Terrakube JSON:API ({@code /api/v1}): organizations, workspaces, templates, jobs and their steps, and the
 * step logs under {@code /tfoutput/v1}. Immutable and thread-safe. Every call carries the bearer token; none of
 * them ever puts it in a message.
 */
public final class TerrakubeClient {
    public static final String SYSTEM = "Terrakube";

    private final RestClient rest;
    private final TerrakubeServer connection;

    private TerrakubeClient(RestClient rest, TerrakubeServer connection) {
        this.rest = rest;
        this.connection = connection;
    }

    /** @param tokens a personal access token or team token, usually {@link TokenSource#fixed} */
    public static TerrakubeClient create(OkHttpClient http, ObjectMapper json, TokenSource tokens, TerrakubeServer connection) {
        return new TerrakubeClient(RestClient.create(http, json, tokens, SYSTEM, TerrakubeErrors.INSTANCE), connection);
    }

    /** A copy with another retry policy; the watcher polls with {@link RetryPolicy#none()} and reschedules itself. */
    public TerrakubeClient withRetryPolicy(RetryPolicy policy) {
        return new TerrakubeClient(rest.withRetryPolicy(policy), connection);
    }

    /** A copy that sends nothing and waits for no retry past {@code deadline} (null: no deadline). */
    public TerrakubeClient withDeadline(@CheckForNull Instant deadline) {
        return deadline == null ? this : new TerrakubeClient(rest.withDeadline(deadline), connection);
    }

    public TerrakubeServer connection() {
        return connection;
    }

    public ObjectMapper json() {
        return rest.json();
    }

    /** The server's clock as its answers' {@code Date} headers tell it. */
    public ServerClock serverClock() {
        return rest.serverClock();
    }

    public List<Organization> listOrganizations() {
        return list("list organizations", connection.api("organization"), JsonApi::organization);
    }

    public List<Workspace> listWorkspaces(String orgId) {
        return list("list the workspaces of organization " + orgId, org(orgId, "workspace"), JsonApi::workspace);
    }

    /** Throws a 404 {@link io.jenkins.plugins.iacjobs.core.http.RemoteApiException} on older servers, which have no templates. */
    public List<Template> listTemplates(String orgId) {
        return list("list the templates of organization " + orgId, org(orgId, "template"), JsonApi::template);
    }

    /**
     * Creates a job from a template (current API). Not idempotent: a lost answer throws
     * {@link io.jenkins.plugins.iacjobs.core.http.OutcomeUnknownException}; look the job up before sending again.
     */
    public TerrakubeJob createJob(String orgId, String workspaceId, String templateId, String branch, String via, String comments) {
        ObjectNode doc = JsonApi.newJob(json(), workspaceId);
        ObjectNode attributes = JsonApi.attributes(doc);
        attributes.put("templateReference", templateId);
        if (branch != null) {
            attributes.put("overrideBranch", branch);
        }
        if (via != null) {
            attributes.put("via", via);
        }
        if (comments != null) {
            attributes.put("comments", comments);
        }
        return created("create a job in workspace " + workspaceId + " from template " + templateId, org(orgId, "job"), doc);
    }

    /** Creates a job with {@code command: plan|apply|destroy} on the workspace-scoped path (older API). Not idempotent. */
    public TerrakubeJob createCommandJob(String workspaceId, String command) {
        ObjectNode doc = JsonApi.newJob(json(), workspaceId);
        JsonApi.attributes(doc).put("command", command);
        return created("create a '" + command + "' job in workspace " + workspaceId,
                workspaceJobs(workspaceId), doc);
    }

    public TerrakubeJob getJob(String orgId, String jobId) {
        HttpUrl url = jobUrl(orgId, jobId).newBuilder().addQueryParameter("include", "step").build();
        JsonNode doc = rest.sendTree(jsonApiGet("get job " + jobId, url), "a JSON:API job document");
        List<JsonNode> data = JsonApi.dataList(doc);
        if (data == null || data.size() != 1) {
            throw new MalformedResponseException(SYSTEM, "get job " + jobId, "a JSON:API document with one job", 200, null,
                    Excerpts.of(String.valueOf(doc)));
        }
        return JsonApi.job(data.get(0), doc.get("included"));
    }

    /** Streams the job document, with its steps, to {@code target} exactly as returned. */
    public void downloadJob(String orgId, String jobId, Path target) {
        HttpUrl url = jobUrl(orgId, jobId).newBuilder().addQueryParameter("include", "step").build();
        rest.send(jsonApiGet("download job " + jobId, url), response -> {
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".job-", ".part");
            try (InputStream in = RestClient.bodyStream(response)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return null;
        });
    }

    /**
     * The workspace's jobs, newest first ({@code sort=-id}; Terrakube refuses {@code page[size]} on jobs). The
     * workspace-scoped path keeps the listing to one workspace instead of the whole organization.
     */
    public List<TerrakubeJob> listWorkspaceJobs(String orgId, String workspaceId) {
        HttpUrl url = org(orgId, "workspace").newBuilder().addPathSegment(PathSegments.check("workspace id", workspaceId))
                .addPathSegment("job").addQueryParameter("sort", "-id").build();
        return list("list the jobs of workspace " + workspaceId, url, r -> JsonApi.job(r, null));
    }

    /**
     * The workspace's jobs that have not ended, oldest first: the ones a new job of the workspace waits behind. Filtered
     * by the server (Elide's RSQL {@code filter[job]=status=in=(…)}), so a workspace with a long history costs little.
     */
    public List<TerrakubeJob> listActiveWorkspaceJobs(String orgId, String workspaceId) {
        HttpUrl url = org(orgId, "workspace").newBuilder().addPathSegment(PathSegments.check("workspace id", workspaceId))
                .addPathSegment("job").addQueryParameter("filter[job]", "status=in=(" + String.join(",", TerrakubeStatus.ACTIVE) + ")")
                .addQueryParameter("sort", "id").build();
        return list("list the active jobs of workspace " + workspaceId, url, r -> JsonApi.job(r, null));
    }

    /** The workspace's jobs on an older server ({@code /workspace/{id}/job}), newest first. */
    public List<TerrakubeJob> listCommandJobs(String workspaceId) {
        HttpUrl url = workspaceJobs(workspaceId).newBuilder().addQueryParameter("sort", "-id").build();
        return list("list the jobs of workspace " + workspaceId, url, r -> JsonApi.job(r, null));
    }

    /** PATCHes the job's status: {@code approved}, {@code rejected} or {@code cancelled}. Never re-sent blindly. */
    public void patchStatus(String orgId, String jobId, String status) {
        byte[] body = bytes(JsonApi.statusPatch(json(), jobId, status));
        rest.sendNoContent(new ApiRequest("set job " + jobId + " to " + status, "PATCH", jobUrl(orgId, jobId),
                RequestBody.create(body, JsonApi.MEDIA_TYPE), false, Map.of("Accept", JsonApi.CONTENT_TYPE)));
    }

    /** DELETE with no body and no content type: Terrakube answers 400 to a DELETE that has one. */
    public void deleteStep(String orgId, String jobId, String stepId) {
        rest.sendNoContent(delete("delete step " + stepId + " of job " + jobId,
                PathSegments.append(jobUrl(orgId, jobId).newBuilder().addPathSegment("step").build(), "step id", stepId)));
    }

    public void deleteJob(String orgId, String jobId) {
        rest.sendNoContent(delete("delete job " + jobId, jobUrl(orgId, jobId)));
    }

    /**
     * GETs a step log with a {@code Range} from {@code offset}; the reader gets the response and must check
     * whether the server honoured the range (206) or sent everything (200, as Terrakube does).
     */
    public <T> T readLog(HttpUrl url, long offset, ResponseReader<T> reader) {
        ApiRequest request = ApiRequest.get("read the step log " + url.encodedPath(), url).withHeader("Accept", "*/*");
        if (offset > 0) {
            request = request.withHeader("Range", "bytes=" + offset + "-");
        }
        return rest.send(request, reader);
    }

    /**
     * Where to read a step's log. Terrakube writes its own configured API URL into {@code output}, which may not be
     * how we reach it (a proxy, another host name); the {@code /tfoutput/} path is moved onto our base URL so the
     * token only ever goes to the server we were configured with. Null when the URL is not a Terrakube log URL.
     */
    @CheckForNull
    public HttpUrl logUrl(String output) {
        if (output == null || output.isBlank()) {
            return null;
        }
        HttpUrl absolute = HttpUrl.parse(output.strip());
        String pathAndQuery;
        if (absolute != null) {
            pathAndQuery = absolute.encodedPath() + (absolute.encodedQuery() == null ? "" : "?" + absolute.encodedQuery());
        } else if (output.strip().startsWith("/")) {
            pathAndQuery = output.strip();
        } else {
            return null;
        }
        int at = pathAndQuery.indexOf("/tfoutput/");
        if (at < 0) {
            return null;
        }
        String base = connection.baseUrl().toString().replaceAll("/+$", "");
        return HttpUrl.parse(base + pathAndQuery.substring(at));
    }

    /**
     * The {@code output} URLs of the state versions a job wrote (its {@code history} rows: one after a successful apply
     * or destroy, none after a plan), newest first. Terrakube's RSQL filter {@code jobReference==<id>}.
     */
    public List<String> stateOutputsOfJob(String orgId, String workspaceId, String jobId) {
        HttpUrl url = org(orgId, "workspace").newBuilder().addPathSegment(PathSegments.check("workspace id", workspaceId))
                .addPathSegment("history").addQueryParameter("filter[history]", "jobReference==" + JobIds.requireInteger("job id", jobId))
                .addQueryParameter("sort", "-createdDate").build();
        return list("list the state versions of job " + jobId, url, r -> r.path("attributes").path("output").asText(""))
                .stream().filter(s -> !s.isBlank()).toList();
    }

    /**
     * Reads a state version's JSON ({@code terraform show -json}) and gives what {@code reader} makes of it, streamed.
     * Only the file name is taken from {@code output}, which names the server's own configured URL: the request goes
     * to our base URL, as logs do, so the token never goes elsewhere.
     */
    public <T> T readStateJson(String orgId, String workspaceId, String output, ResponseReader<T> reader) {
        String name = output.strip().replaceAll("[?#].*$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        HttpUrl url = connection.baseUrl().newBuilder().addPathSegments("tfstate/v1/organization")
                .addPathSegment(PathSegments.check("organization id", orgId)).addPathSegment("workspace")
                .addPathSegment(PathSegments.check("workspace id", workspaceId)).addPathSegment("state")
                .addPathSegment(PathSegments.check("state file", name)).build();
        return rest.send(ApiRequest.get("read state " + name, url).withHeader("Accept", "application/json"), reader);
    }

    /**
     * The workspace's current outputs through Terrakube's TFC-compatible API (2.20 and later): not pinned to a job,
     * so a later run may have changed them. JSON:API {@code state-version-outputs}.
     */
    public JsonNode currentOutputs(String workspaceId) {
        HttpUrl url = connection.baseUrl().newBuilder().addPathSegments("remote/tfe/v2/workspaces")
                .addPathSegment(PathSegments.check("workspace id", workspaceId)).addPathSegment("current-state-version-outputs").build();
        return rest.sendTree(jsonApiGet("read the current outputs of workspace " + workspaceId, url), "a JSON:API listing of outputs");
    }

    /** The job's API URL, for people when no UI URL is configured. */
    public String jobApiUrl(String orgId, String jobId) {
        return jobUrl(orgId, jobId).toString();
    }

    /** Ids from the remote or the user are single encoded segments: none can add or climb a level. */
    private HttpUrl org(String orgId, String collection) {
        return PathSegments.append(connection.api("organization"), "organization id", orgId).newBuilder()
                .addPathSegment(collection).build();
    }

    private HttpUrl workspaceJobs(String workspaceId) {
        return PathSegments.append(connection.api("workspace"), "workspace id", workspaceId).newBuilder().addPathSegment("job").build();
    }

    private HttpUrl jobUrl(String orgId, String jobId) {
        return PathSegments.append(org(orgId, "job"), "job id", JobIds.requireInteger("job id", jobId));
    }

    private static ApiRequest jsonApiGet(String operation, HttpUrl url) {
        return ApiRequest.get(operation, url).withHeader("Accept", JsonApi.CONTENT_TYPE);
    }

    private static ApiRequest delete(String operation, HttpUrl url) {
        return new ApiRequest(operation, "DELETE", url, null, true, Map.of("Accept", JsonApi.CONTENT_TYPE));
    }

    private TerrakubeJob created(String operation, HttpUrl url, ObjectNode doc) {
        ApiRequest request = ApiRequest.create(operation, url, RequestBody.create(bytes(doc), JsonApi.MEDIA_TYPE))
                .withHeader("Accept", JsonApi.CONTENT_TYPE);
        JsonNode answer = rest.sendTree(request, "the created JSON:API job");
        List<JsonNode> data = JsonApi.dataList(answer);
        if (data == null || data.size() != 1 || !JobIds.isInteger(JsonApi.id(data.get(0)))) {
            throw new MalformedResponseException(SYSTEM, operation, "the created job with an integer id", 201, null,
                    Excerpts.of(String.valueOf(answer)));
        }
        return JsonApi.job(data.get(0), answer.get("included"));
    }

    private <T> List<T> list(String operation, HttpUrl url, Function<JsonNode, T> mapper) {
        JsonNode doc = rest.sendTree(jsonApiGet(operation, url), "a JSON:API listing");
        List<JsonNode> data = JsonApi.dataList(doc);
        if (data == null) {
            throw new MalformedResponseException(SYSTEM, operation, "a JSON:API listing with data", 200, null,
                    Excerpts.of(String.valueOf(doc)));
        }
        List<T> out = new ArrayList<>();
        for (JsonNode r : data) {
            out.add(mapper.apply(r));
        }
        return out;
    }

    private byte[] bytes(JsonNode doc) {
        try {
            return json().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON:API document", e);
        }
    }
}
