package io.jenkins.plugins.iacjobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The value {@code iacJob} returns: a {@link LinkedHashMap} of strings, booleans, lists of strings and, for the plan,
 * maps of those. Plain JDK types on purpose: a sandboxed script reads {@code job.id} or {@code job.plan.destroy}
 * without any script approval (map property access and these value types are on script-security's default
 * whitelist), and the value serialises with the Pipeline program.
 */
@Restricted(NoExternalUse.class)
public final class IacJobResult {

    private static final Logger LOGGER = Logger.getLogger(IacJobResult.class.getName());
    public static final int MAX_RESULTS_CHARS = 100_000;
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private IacJobResult() {
    }

    /**
     * A job that ended, as its report says.
     *
     * @param results the results (an applied job's) or plan file's text, or null
     * @param outputs what an apply produced, name to value (sensitive ones only when asked for); empty when none
     */
    static LinkedHashMap<String, Object> of(JobReport report, @CheckForNull String results, List<String> artifacts,
                                            Map<String, Object> outputs) {
        LinkedHashMap<String, Object> m = base(report.system(), report.connection(), report.jobId(), report.status(),
                report.success(), report.planOnly(), report.targetName() != null ? report.targetName() : report.targetId(),
                report.remoteUrl());
        m.put("error", report.message());
        m.put("results", parsed(results));
        m.put("resultsText", truncate(results));
        m.put("outputs", new LinkedHashMap<>(outputs));
        m.put("artifacts", new ArrayList<>(artifacts));
        m.put("plan", report.plan() == null ? null : report.plan().toMap());
        return m;
    }

    /** The value of a {@code submitOnly} run: the job goes on remotely. */
    static LinkedHashMap<String, Object> submitted(String system, String connection, SubmittedJob job, @CheckForNull String url) {
        LinkedHashMap<String, Object> m = base(system, connection, job.jobId(), "Submitted", true, job.planOnly(), job.targetName(), url);
        m.put("error", null);
        m.put("results", null);
        m.put("resultsText", null);
        m.put("outputs", new LinkedHashMap<String, Object>());
        m.put("artifacts", new ArrayList<String>());
        m.put("plan", null);
        return m;
    }

    private static LinkedHashMap<String, Object> base(String system, String connection, String jobId, String status, boolean success,
                                                      boolean planOnly, @CheckForNull String target, @CheckForNull String url) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("id", jobId);
        m.put("status", status);
        m.put("success", success);
        m.put("planOnly", planOnly);
        m.put("system", system);
        m.put("connection", connection);
        m.put("accelerator", target);
        m.put("url", url);
        return m;
    }

    /**
     * The results as plain JDK values (maps, lists, strings, numbers, booleans) where they are JSON whole; else their
     * text, cut as {@code resultsText} is. A sandboxed script reads {@code job.results.id} without approval.
     */
    static @CheckForNull Object parsed(@CheckForNull String results) {
        if (results == null || results.length() > MAX_RESULTS_CHARS) {
            return truncate(results);
        }
        try {
            return PLAIN.readValue(results, Object.class);
        } catch (IOException notJson) {
            return results;
        }
    }

    /**
     * An applied job's results file's text (else the first plan file's), cut to what the step's return value holds; null
     * when there is none.
     */
    static @CheckForNull String readResults(Path root, List<String> files) {
        List<String> ordered = new ArrayList<>(files);
        ordered.sort(java.util.Comparator.comparing(f -> f.substring(f.lastIndexOf('/') + 1).startsWith("results.") ? 0 : 1));
        for (String f : ordered) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (name.startsWith("plan.") || name.startsWith("results.")) {
                try {
                    Path p = root.resolve(f);
                    if (Files.size(p) > MAX_RESULTS_CHARS * 4L) {
                        try (var in = Files.newInputStream(p)) {
                            return new String(in.readNBytes(MAX_RESULTS_CHARS * 2), StandardCharsets.UTF_8);
                        }
                    }
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    LOGGER.log(Level.FINE, "could not read " + f, e);
                    return null;
                }
            }
        }
        return null;
    }

    private static String truncate(@CheckForNull String s) {
        if (s == null || s.length() <= MAX_RESULTS_CHARS) {
            return s;
        }
        return s.substring(0, MAX_RESULTS_CHARS) + "\n… (truncated; the full text is in the archived artifacts)";
    }
}
