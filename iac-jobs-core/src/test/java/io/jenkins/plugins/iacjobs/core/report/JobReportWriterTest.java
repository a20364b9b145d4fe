package io.jenkins.plugins.iacjobs.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.model.FinalJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobReportWriterTest {
    @TempDir
    Path root;

    private JobReport report(boolean planOnly, String status, boolean success, String message) {
        return new JobReport("Genesys Cloud", "prod", "job-1", "Simple IVR", "acc-1", planOnly, Map.of("queue_name", "Support", "secret", "********"),
                status, success, message, Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:02:05Z"), "https://example.test/job-1");
    }

    private FinalJob fin(String results) throws Exception {
        Path raw = Files.createTempFile(root, "raw", ".json");
        Files.writeString(raw, "{\"id\":\"job-1\",\"status\":\"Complete\"}");
        return new FinalJob("Complete", null, raw, out -> {
            if (results == null) {
                return false;
            }
            out.write(results.getBytes(StandardCharsets.UTF_8));
            return true;
        });
    }

    @Test
    void writesJobPlanAndSummaryPrettyPrintingJson() throws Exception {
        List<String> files = JobReportWriter.write(root, report(true, "Complete", true, null), fin("{\"a\":[1,2]}"), null);
        assertEquals(List.of("iac-jobs/job-1/job.json", "iac-jobs/job-1/plan.json", "iac-jobs/job-1/summary.md"), files);
        assertTrue(Files.readString(root.resolve("iac-jobs/job-1/plan.json")).contains("\"a\" : [ 1, 2 ]"));
        String summary = Files.readString(root.resolve("iac-jobs/job-1/summary.md"));
        assertTrue(summary.contains("| Mode | plan only (no changes made) |"), summary);
        assertTrue(summary.contains("| Duration | 2m5s |"), summary);
        assertTrue(summary.contains("[job-1](https://example.test/job-1)"), summary);
        assertTrue(summary.contains("| secret | ******** |"), summary);
        assertTrue(summary.contains("- [plan.json](plan.json)"), summary);
        try (Stream<Path> s = Files.walk(root)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().endsWith(".raw")),
                    "no temporary files left");
        }
    }

    @Test
    void textResultsOfAnAppliedJobAreKeptAsText() throws Exception {
        List<String> files = JobReportWriter.write(root, report(false, "Complete", true, null), fin("created 3 resources\n"), null);
        assertTrue(files.contains("iac-jobs/job-1/results.txt"), files.toString());
        assertEquals("created 3 resources\n", Files.readString(root.resolve("iac-jobs/job-1/results.txt")));
    }

    @Test
    void somethingThatOnlyLooksLikeJsonStaysUnchangedAsText() throws Exception {
        List<String> files = JobReportWriter.write(root, report(false, "Complete", true, null), fin("{not json"), null);
        assertTrue(files.contains("iac-jobs/job-1/results.txt"), files.toString());
        assertEquals("{not json", Files.readString(root.resolve("iac-jobs/job-1/results.txt")));
    }

    @Test
    void aFailedJobsSummaryCarriesTheErrorAndStreamedLogsAreKept() throws Exception {
        Path log = Files.writeString(root.resolve("streamed.log"), "step 1\nstep 2\n");
        List<String> files = JobReportWriter.write(root, report(false, "Failed", false, "trunk | missing"), fin(null), log);
        assertTrue(files.contains("iac-jobs/job-1/log.txt"));
        String summary = Files.readString(root.resolve("iac-jobs/job-1/summary.md"));
        assertTrue(summary.contains("| Status | Failed (not successful) |") && summary.contains("| Error | trunk \\| missing |"), summary);
    }

    @Test
    void remoteNamesWithLineBreaksCannotAddLinesToTheSummary() throws Exception {
        JobReport evil = new JobReport("Genesys Cloud", "prod", "job-1", "Evil\r\n# Injected heading", "acc-1", true, Map.of(),
                "Complete\n| forged | row |", true, "boom\u001b[31m", Instant.now(), Instant.now(), null);
        JobReportWriter.write(root, evil, null, null);
        String md = Files.readString(root.resolve("iac-jobs/job-1/summary.md"));
        assertTrue(md.lines().noneMatch(l -> l.startsWith("# Injected") || l.startsWith("| forged")), md);
        assertTrue(md.chars().noneMatch(c -> c == 0x1b || c == '\r'), md);
    }

    @Test
    void everyFileIsReadableByAll() throws Exception {
        List<String> files = JobReportWriter.write(root, report(true, "Complete", true, null), fin("{\"a\":1}"), null);
        for (String f : files) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(root.resolve(f))), f);
        }
    }
}
