package io.jenkins.plugins.iacjobs.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.iacjobs.core.job.FinalJob;
import io.jenkins.plugins.iacjobs.core.job.JobIds;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a finished job's evidence under {@code <root>/iac-jobs/<jobId>/}: {@code job.json} as returned,
 * {@code plan.*} or {@code results.*} (pretty-printed when JSON, else {@code .txt}), {@code log.txt} when logs
 * were streamed, and {@code summary.md}. Every file is streamed and written atomically.
 */
public final class JobReportWriter {
    private JobReportWriter() {
    }

    /** @return the written files, relative to {@code root}, with forward slashes (artifact paths) */
    public static List<String> write(Path root, JobReport report, FinalJob fin, Path streamedLog) {
        String folder = "iac-jobs/" + JobIds.folderName(report.jobId());
        Path dir = root.resolve(folder);
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            if (fin != null && fin.results() != null) {
                String written = writeResults(dir, report.planOnly() ? "plan" : "results", fin.results());
                if (written != null) {
                    names.add(written);
                }
            }
            if (fin != null && fin.jobJson() != null && Files.exists(fin.jobJson())) {
                AtomicFiles.move(fin.jobJson(), dir.resolve("job.json"));
                names.add(0, "job.json");
            }
            if (streamedLog != null && Files.exists(streamedLog)) {
                AtomicFiles.write(dir.resolve("log.txt"), out -> Files.copy(streamedLog, out));
                names.add("log.txt");
            }
            names.add("summary.md");
            String summary = SummaryMarkdown.render(report, names.subList(0, names.size() - 1));
            AtomicFiles.write(dir.resolve("summary.md"), out -> out.write(summary.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the job's files under " + dir + ": " + e.getMessage(), e);
        }
        return names.stream().map(n -> folder + "/" + n).toList();
    }

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
