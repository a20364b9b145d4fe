package io.jenkins.plugins.iacjobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.job.JobRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What this folder's runs submitted, so that no job the CLI creates goes unreported: a {@code pending} line is written
 * before a submission is sent (inputs digest, time, target), a {@code submitted} one when the remote answers with an
 * id, and an {@code ended} one when the run saw the job end. A later {@code job run} with the same inputs finds a job
 * that no run saw end and says how to pick it up; a submission still pending (the run was stopped before the answer
 * came) it looks up on the remote first, and records what it found.
 * Kept in {@code <out>/iac-jobs/.submissions} as JSON lines. Inputs are kept as a digest only: parameter values
 * may be secrets.
 */
final class SubmissionLedger {
    static final Duration LOOK_BACK = Duration.ofDays(1);

    /** The last thing known of a submission with the same inputs. */
    record Entry(Instant at, String state, String jobId) {
        boolean unfinished() {
            return !"ended".equals(state) && !"none".equals(state);
        }

        /** Sent (or about to be) with no answer seen: what it made only the remote can tell. */
        boolean pending() {
            return jobId == null && (PENDING.equals(state) || "submitting".equals(state)); // "submitting": older ledgers
        }
    }

    static final String PENDING = "pending";

    private final Path file;
    private final ObjectMapper json;

    SubmissionLedger(Path out, ObjectMapper json) {
        this.file = out.resolve("iac-jobs").resolve(".submissions");
        this.json = json;
    }

    /** The inputs that make two runs "the same": where, what, plan-only, every parameter and option. */
    static String key(String system, String where, JobRequest r) {
        return TokenSourceRegistry.digest(system + "\n" + where + "\n" + r.canonical()).substring(0, 32);
    }

    /** Before the submission is sent; {@code target} says where to, with no secret (system and URL or organisation). */
    void pending(String key, Instant at, String target) {
        append(key, at, PENDING, null, target);
    }

    /** A later run looked a pending submission up and found the job it made. */
    void found(String key, Instant sentAt, String jobId) {
        append(key, sentAt, "submitted", jobId, null);
    }

    /** A later run looked a pending submission up and the remote showed no job from it. */
    void foundNone(String key, Instant sentAt) {
        append(key, sentAt, "none", null, null);
    }

    void submitted(String key, Instant at, String jobId) {
        append(key, at, "submitted", jobId, null);
    }

    /** A run saw the job end: {@code job run} (which knows the inputs) or {@code job wait} (which knows the id only). */
    void ended(String key, Instant at, String jobId) {
        append(key, at, "ended", jobId, null);
    }

    /** The latest state of the latest earlier submission with these inputs, if no run saw it end. */
    Optional<Entry> unfinished(String key, Instant now) {
        List<JsonNode> lines = read();
        Set<String> endedIds = new HashSet<>();
        lines.stream().filter(n -> "ended".equals(n.path("state").asText()) && n.hasNonNull("jobId"))
                .forEach(n -> endedIds.add(n.get("jobId").asText()));
        Entry last = null;
        for (JsonNode n : lines) {
            if (key.equals(n.path("key").asText())) {
                Instant at = Instant.parse(n.path("at").asText());
                if (at.isAfter(now.minus(LOOK_BACK))) {
                    last = new Entry(at, n.path("state").asText(), n.hasNonNull("jobId") ? n.get("jobId").asText() : null);
                }
            }
        }
        return Optional.ofNullable(last).filter(Entry::unfinished).filter(e -> e.jobId() == null || !endedIds.contains(e.jobId()));
    }

    private List<JsonNode> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return json.readTree(l);
                } catch (IOException damaged) {
                    return json.createObjectNode();
                }
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void append(String key, Instant at, String state, String jobId, String target) {
        ObjectNode n = json.createObjectNode().put("at", at.toString()).put("key", key).put("state", state);
        if (jobId != null) {
            n.put("jobId", jobId);
        }
        if (target != null) {
            n.put("target", target);
        }
        try {
            Files.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent(), "the ledger sits in a folder"));
            Files.writeString(file, json.writeValueAsString(n) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the submission in " + file + ": " + e.getMessage(), e);
        }
    }
}
