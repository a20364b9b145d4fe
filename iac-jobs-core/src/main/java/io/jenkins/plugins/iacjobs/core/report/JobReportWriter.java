package io.jenkins.plugins.iacjobs.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.plan.Ansi;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a finished job's evidence under {@code <root>/iac-jobs/<jobId>/}:
 * <ul>
 *   <li>{@code job.json}: the job as returned (its results embedded as JSON where they are JSON);</li>
 *   <li>{@code plan.json} (the plan model: counts and resources) and {@code plan.txt} (the plan as a person reads
 *       it), when the job planned something we could read; a plan-only job whose plan we could not read keeps its
 *       results as they came in {@code plan.txt};</li>
 *   <li>{@code results.*} for an applied job's results (pretty-printed when JSON);</li>
 *   <li>{@code log.txt}: the streamed log without terminal codes ({@code log.ansi.txt} keeps them, when asked);</li>
 *   <li>{@code summary.md}.</li>
 * </ul>
 * Every file is streamed, written atomically and readable (0644).
 */
public final class JobReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Chars of a log line held before it is written without waiting for its end. */
    private static final int MAX_PENDING = 64 * 1024;

    private JobReportWriter() {
    }

    public static List<String> write(Path root, JobReport report, @CheckForNull FinalJob fin, @CheckForNull Path streamedLog) {
        return write(root, report, fin, streamedLog, false);
    }

    public static List<String> write(Path root, JobReport report, @CheckForNull FinalJob fin, @CheckForNull Path streamedLog,
                                     boolean keepAnsi) {
        return write(root, report, fin, streamedLog, keepAnsi, JobIds.folderName(report.jobId()));
    }

    /**
     * @param folderName the folder under {@code iac-jobs/}: the job id, or a name a front end chose so that two jobs
     *                   with the same id never share one
     * @return the written files, relative to {@code root}, with forward slashes (artifact paths)
     */
    public static List<String> write(Path root, JobReport report, @CheckForNull FinalJob fin, @CheckForNull Path streamedLog,
                                     boolean keepAnsi, String folderName) {
        return write(root, report, fin, streamedLog, keepAnsi, folderName, null);
    }

    /**
     * As above, and {@code outputs.json} for an applied job: its outputs (sensitive values masked) and its results
     * parsed, where they are JSON and at most {@link #MAX_PARSED_RESULTS} bytes; what the step returns for the next stage.
     */
    public static List<String> write(Path root, JobReport report, @CheckForNull FinalJob fin, @CheckForNull Path streamedLog,
                                     boolean keepAnsi, String folderName, @CheckForNull JobOutputs outputs) {
        String folder = "iac-jobs/" + JobIds.folderName(folderName);
        Path dir = root.resolve(folder);
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Plan plan = report.plan();
            if (fin != null && fin.jobJson() != null && Files.exists(fin.jobJson())) {
                if (plan == null || !withOurMember(fin.jobJson(), dir.resolve("job.json"), plan.fingerprint())) {
                    AtomicFiles.move(fin.jobJson(), dir.resolve("job.json"));
                }
                names.add("job.json");
            }
            if (plan != null) {
                AtomicFiles.write(dir.resolve("plan.json"),
                        out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, plan.toMap()));
                AtomicFiles.write(dir.resolve("plan.txt"), out -> out.write(plan.text().getBytes(StandardCharsets.UTF_8)));
                names.add("plan.json");
                names.add("plan.txt");
            }
            // A plan too big to keep whole lists its first resources only: the results that name them all are kept too.
            boolean resultsAreThePlan = report.planOnly() && plan != null && plan.listsAll();
            FinalJob.ResultsSource results = fin == null ? null : fin.results();
            if (results != null && !resultsAreThePlan) {
                String written = writeResults(dir, report.planOnly() && plan == null ? "plan" : "results", results);
                if (written != null) {
                    names.add(written);
                }
            }
            if (!report.planOnly() && report.success()) {
                writeOutputs(dir, outputs, names.stream().filter(n -> n.startsWith("results.")).findFirst().orElse(null));
                names.add("outputs.json");
            }
            if (streamedLog != null && Files.exists(streamedLog) && Files.size(streamedLog) > 0) {
                AtomicFiles.write(dir.resolve("log.txt"), out -> copyWithoutAnsi(streamedLog, out));
                names.add("log.txt");
                if (keepAnsi) {
                    AtomicFiles.write(dir.resolve("log.ansi.txt"), out -> Files.copy(streamedLog, out));
                    names.add("log.ansi.txt");
                }
            }
            names.add("summary.md");
            String summary = SummaryMarkdown.render(report, names.subList(0, names.size() - 1));
            AtomicFiles.write(dir.resolve("summary.md"), out -> out.write(summary.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the job's files under " + dir + ": " + e.getMessage(), e);
        }
        return names.stream().map(n -> folder + "/" + n).toList();
    }

    /**
     * Writes the remote's job document to {@code to} with one member of ours first, {@code "iacJobs": {"planFingerprint":
     * …}}, streamed (the document holds the results, which can be large); the remote's members follow as it sent them.
     * False, and nothing written, when the document is not a JSON object.
     */
    private static boolean withOurMember(Path from, Path to, String fingerprint) throws IOException {
        try (var in = new java.io.PushbackInputStream(new java.io.BufferedInputStream(Files.newInputStream(from)), 1)) {
            int c = in.read();
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                c = in.read();
            }
            if (c != '{') {
                return false;
            }
            int next = in.read();
            while (next == ' ' || next == '\n' || next == '\r' || next == '\t') {
                next = in.read();
            }
            if (next >= 0) {
                in.unread(next);
            }
            boolean empty = next == '}';
            String ours = "{\n  \"iacJobs\" : { \"planFingerprint\" : " + JSON.writeValueAsString(fingerprint) + " }" + (empty ? "\n" : ",\n  ");
            AtomicFiles.write(to, out -> {
                out.write(ours.getBytes(StandardCharsets.UTF_8));
                in.transferTo(out);
            });
        }
        Files.deleteIfExists(from);
        return true;
    }

    /** Results parsed into {@code outputs.json} (and the step's {@code results}) up to this size; larger stay in their file. */
    public static final long MAX_PARSED_RESULTS = 1 << 20;

    private static void writeOutputs(Path dir, @CheckForNull JobOutputs outputs, @CheckForNull String resultsFile) throws IOException {
        ObjectNode root = outputs != null ? outputs.toJson() : JSON.createObjectNode().put("source", "the job's results");
        if (outputs == null) {
            root.putObject("outputs");
        }
        root.set("results", resultsFile == null ? null : parsedResults(dir.resolve(resultsFile)));
        AtomicFiles.write(dir.resolve("outputs.json"), out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }

    /** The results as JSON where they are JSON and small enough to hold; else null (the file keeps them). */
    @CheckForNull
    public static JsonNode parsedResults(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_PARSED_RESULTS) {
                return null;
            }
            return JSON.readTree(file.toFile());
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Line by line, so a log of any size streams (a line without end in pieces); terminal escape codes are dropped. */
    private static void copyWithoutAnsi(Path log, OutputStream out) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8);
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            char[] buf = new char[16 * 1024];
            StringBuilder pending = new StringBuilder();
            int n;
            while ((n = in.read(buf)) > 0) {
                pending.append(buf, 0, n);
                int cut = pending.lastIndexOf("\n") + 1; // an escape sequence never spans a line end
                if (cut == 0 && pending.length() > MAX_PENDING) {
                    // one endless line: written in pieces, cut before an escape sequence that may not be complete yet
                    int esc = pending.lastIndexOf("\u001B");
                    cut = esc > 0 && esc > pending.length() - 64 ? esc : pending.length();
                }
                if (cut > 0) {
                    w.write(Ansi.strip(pending.substring(0, cut)));
                    pending.delete(0, cut);
                }
            }
            w.write(Ansi.strip(pending.toString()));
        }
    }

    @CheckForNull
    private static String writeResults(Path dir, String base, FinalJob.ResultsSource source) throws IOException {
        Path raw = Files.createTempFile(dir, ".results", ".raw");
        try {
            boolean any;
            try (OutputStream out = Files.newOutputStream(raw)) {
                any = source.writeTo(out);
            }
            if (!any || Files.size(raw) == 0) {
                return null;
            }
            if (JsonPretty.looksLikeJson(raw)) {
                try {
                    AtomicFiles.write(dir.resolve(base + ".json"), out -> JsonPretty.copy(raw, out));
                    return base + ".json";
                } catch (JsonProcessingException notJson) {
                    // starts like JSON but is not: keep it as text, unchanged
                }
            }
            AtomicFiles.move(raw, dir.resolve(base + ".txt"));
            return base + ".txt";
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
