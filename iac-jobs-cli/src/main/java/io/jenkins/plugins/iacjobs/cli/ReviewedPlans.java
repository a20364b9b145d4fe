package io.jenkins.plugins.iacjobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlannedChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The reviewed plan of {@code --expect-plan}, where an earlier {@code job run --plan-only} into the same {@code --out}
 * left its {@code plan.json}: so a plan that changed since is listed resource by resource. Best effort: none found,
 * or one that cannot be read, leaves the check to the fingerprint alone.
 */
final class ReviewedPlans {
    private ReviewedPlans() {
    }

    @CheckForNull
    static Plan find(Path out, String fingerprint, ObjectMapper json) {
        Path jobs = out.resolve("iac-jobs");
        if (!Files.isDirectory(jobs)) {
            return null;
        }
        try (Stream<Path> folders = Files.list(jobs)) {
            for (Path folder : (Iterable<Path>) folders.sorted()::iterator) {
                Path file = folder.resolve("plan.json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    JsonNode p = json.readTree(file.toFile());
                    if (fingerprint.equals(p.path("fingerprint").asText())) {
                        return read(p, fingerprint);
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // another file's trouble is not this check's
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return null;
    }

    private static Plan read(JsonNode p, String fingerprint) {
        List<PlannedChange> resources = new ArrayList<>();
        for (JsonNode r : p.path("resources")) {
            String word = r.path("action").asText("").toUpperCase(Locale.ROOT);
            for (PlannedChange.Action a : PlannedChange.Action.values()) {
                if (a.name().equals(word)) {
                    resources.add(PlannedChange.of(a, r.path("address").asText("")));
                }
            }
        }
        return new Plan(p.path("add").asInt(), p.path("change").asInt(), p.path("destroy").asInt(), resources,
                p.path("noChanges").asBoolean(), p.path("complete").asBoolean(), p.path("source").asText("plan.json"),
                p.path("resourceCount").asInt(resources.size()), fingerprint);
    }
}
