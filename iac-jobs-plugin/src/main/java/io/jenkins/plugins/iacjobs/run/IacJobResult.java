package io.jenkins.plugins.iacjobs.run;

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

    private IacJobResult() {
    }

    /** A job that ended, as its report says; {@code results} is the plan or results file's text, or null. */
    static LinkedHashMap<String, Object> of(JobReport report, @CheckForNull String results, List<String> artifacts) {
        LinkedHashMap<String, Object> m = base(report.system(), report.connection(), report.jobId(), report.status(),
                report.success(), report.planOnly(), report.targetName() != null ? report.targetName() : report.targetId(),
                report.remoteUrl());
        m.put("error", report.message());
        m.put("results", truncate(results));
        m.put("artifacts", new ArrayList<>(artifacts));
        m.put("plan", report.plan() == null ? null : report.plan().toMap());
        return m;
    }

    /** The value of a {@code submitOnly} run: the job goes on remotely. */
    static LinkedHashMap<String, Object> submitted(String system, String connection, SubmittedJob job, @CheckForNull String url) {
        LinkedHashMap<String, Object> m = base(system, connection, job.jobId(), "Submitted", true, job.planOnly(), job.targetName(), url);
        m.put("error", null);
        m.put("results", null);
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

    /** The first plan or results file's text, cut to what the step's return value holds; null when there is none. */
    static @CheckForNull String readResults(Path root, List<String> files) {
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

    private static String truncate(@CheckForNull String s) {
        if (s == null || s.length() <= MAX_RESULTS_CHARS) {
            return s;
        }
        return s.substring(0, MAX_RESULTS_CHARS) + "\n… (truncated; the full text is in the archived artifacts)";
    }
}
