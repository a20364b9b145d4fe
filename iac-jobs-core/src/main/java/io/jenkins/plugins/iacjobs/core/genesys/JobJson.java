package io.jenkins.plugins.iacjobs.core.genesys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.core.plan.GenesysPlanResults;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The job document as evidence: Genesys returns {@code results} as a string, often holding JSON, which
 * {@code job.json} would show as one escaped line. When it parses (and is not huge), it is embedded as JSON.
 */
final class JobJson {
    /** Results larger than this stay a string in {@code job.json} and are streamed, never parsed whole. */
    static final long EMBED_LIMIT = 32L * 1024 * 1024;

    private JobJson() {
    }

    /** A copy of the job with its results as JSON, or empty when they are not JSON or too large to parse. */
    static Optional<Path> withResultsAsJson(ObjectNode job, Path results, Path workDir, ObjectMapper json) throws IOException {
        if (Files.size(results) > EMBED_LIMIT) {
            return Optional.empty();
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(results.toFile());
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (parsed == null || !(parsed.isObject() || parsed.isArray())) {
            return Optional.empty();
        }
        ObjectNode copy = job.deepCopy();
        copy.set("results", parsed);
        Path out = Files.createTempFile(workDir, ".job-", ".json");
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), copy);
        return Optional.of(out);
    }

    /** The plan a dry run's results describe; results too large to parse as JSON are read as Terraform text, streamed. */
    static Optional<Plan> readPlan(Path results, ObjectMapper json) throws IOException {
        return GenesysPlanResults.read(results, json, EMBED_LIMIT);
    }
}
