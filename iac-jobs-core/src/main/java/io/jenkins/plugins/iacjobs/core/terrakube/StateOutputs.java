package io.jenkins.plugins.iacjobs.core.terrakube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Terrakube apply's Terraform outputs (facts and sources in {@code docs/terrakube.md}): the executor writes
 * {@code terraform show -json} of the new state after a successful apply, and a {@code history} row whose
 * {@code jobReference} is the job and whose {@code output} names that file. So the outputs read are this job's own,
 * whatever ran in the workspace since. A token without the team's manageState permission (403), or a server that kept
 * no row, falls back to the workspace's current outputs (TFC-compatible API), and says so.
 */
final class StateOutputs {
    private final TerrakubeClient client;

    StateOutputs(TerrakubeClient client) {
        this.client = client;
    }

    /** The outputs of job {@code jobId} of workspace {@code ws}, an apply that ended well; never throws: a failure is a note. */
    JobOutputs of(String orgId, String jobId, String ws) {
        String fallbackWhy;
        try {
            List<String> files = client.stateOutputsOfJob(orgId, ws, jobId);
            if (!files.isEmpty()) {
                List<JobOutputs.Output> read = client.readStateJson(orgId, ws, files.get(0),
                        response -> readShowJson(RestClient.bodyStream(response), client.json()));
                return new JobOutputs("the state written by job " + jobId, read, null);
            }
            fallbackWhy = "Terrakube kept no state version for job " + jobId;
        } catch (RemoteApiException e) {
            if (e.status() != 403 && e.status() != 404) {
                return JobOutputs.none("job " + jobId, "could not read them: " + e.getMessage());
            }
            fallbackWhy = e.status() == 403 ? "the token may not read the workspace's state (its team lacks manageState)"
                    : "this server has no state history for the workspace";
        } catch (IacJobsException e) {
            return JobOutputs.none("job " + jobId, "could not read them: " + e.getMessage());
        }
        try {
            JsonNode doc = client.currentOutputs(ws);
            List<JobOutputs.Output> read = new ArrayList<>();
            for (JsonNode d : doc.path("data")) {
                JsonNode a = d.path("attributes");
                if (a.hasNonNull("name")) {
                    JsonNode type = a.hasNonNull("detailed-type") ? a.get("detailed-type") : a.get("type");
                    read.add(new JobOutputs.Output(a.get("name").asText(), a.path("value"), typeText(type), a.path("sensitive").asBoolean(false)));
                }
            }
            return new JobOutputs("the workspace's current state", read, fallbackWhy + "; these are the workspace's current"
                    + " outputs, which a later run may have changed");
        } catch (IacJobsException e) {
            return JobOutputs.none("job " + jobId, fallbackWhy + ", and the workspace's current outputs could not be read: "
                    + e.getMessage());
        }
    }

    /**
     * {@code values.outputs} of a {@code terraform show -json} document, streamed: the resources beside them (which
     * can be hundreds of megabytes) are skipped, never held.
     */
    static List<JobOutputs.Output> readShowJson(InputStream in, ObjectMapper json) throws IOException {
        List<JobOutputs.Output> out = new ArrayList<>();
        try (InputStream body = in; JsonParser p = json.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a state is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!"values".equals(field) || p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    p.nextToken();
                    if (!"outputs".equals(inner)) {
                        p.skipChildren();
                        continue;
                    }
                    JsonNode outputs = json.readTree(p);
                    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) outputs::fields) {
                        JsonNode o = e.getValue();
                        out.add(new JobOutputs.Output(e.getKey(), o.path("value"), typeText(o.get("type")),
                                o.path("sensitive").asBoolean(false)));
                    }
                }
            }
        }
        return out;
    }

    @CheckForNull
    private static String typeText(@CheckForNull JsonNode type) {
        return type == null || type.isNull() ? null : type.isTextual() ? type.asText() : type.toString();
    }
}
