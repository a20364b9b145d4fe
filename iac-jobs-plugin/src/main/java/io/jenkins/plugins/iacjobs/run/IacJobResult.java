package io.jenkins.plugins.iacjobs.run;

import io.jenkins.plugins.iacjobs.core.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The value {@code iacJob} returns: a {@link LinkedHashMap} of strings, booleans and lists of strings.
 * Plain JDK types on purpose: a sandboxed script reads {@code job.id} or {@code job.artifacts} without any
 * script approval (map property access and these value types are on script-security's default whitelist),
 * and the value serialises with the Pipeline program.
 */
@Restricted(NoExternalUse.class)
public final class IacJobResult {

    private static final Logger LOGGER = Logger.getLogger(IacJobResult.class.getName());
    public static final int MAX_RESULTS_CHARS = 100_000;

    private IacJobResult() {
    }

    public static LinkedHashMap<String, Object> of(String system, String connection, String jobId, String status,
                                            boolean success, boolean planOnly, String accelerator,
                                            String message, String results, List<String> artifacts, String remoteUrl) {
        return of(system, connection, jobId, status, success, planOnly, accelerator, message, results, artifacts, remoteUrl, null);
    }

    /**
     * @param plan what the job planned, or null; in the map as {@code plan: [add, change, destroy, resources, …]},
     *             so a Jenkinsfile can gate on {@code job.plan.destroy > 0}
     */
    public static LinkedHashMap<String, Object> of(String system, String connection, String jobId, String status,
                                            boolean success, boolean planOnly, String accelerator,
                                            String message, String results, List<String> artifacts, String remoteUrl,
                                            Plan plan) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("id", jobId);
        m.put("status", status);
        m.put("success", success);
        m.put("planOnly", planOnly);
        m.put("system", system);
        m.put("connection", connection);
        m.put("accelerator", accelerator);
        m.put("error", message);
        m.put("results", truncate(results));
        m.put("artifacts", artifacts == null ? new ArrayList<String>() : new ArrayList<>(artifacts));
        m.put("url", remoteUrl);
        m.put("plan", plan == null ? null : plan.toMap());
        return m;
    }

    /** The first plan or results file's text, cut to what the step's return value holds; null when there is none. */
    public static String readResults(Path root, List<String> files) {
        for (String f : files) {
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

    private static String truncate(String s) {
        if (s == null || s.length() <= MAX_RESULTS_CHARS) {
            return s;
        }
        return s.substring(0, MAX_RESULTS_CHARS) + "\n… (truncated; the full text is in the archived artifacts)";
    }
}
