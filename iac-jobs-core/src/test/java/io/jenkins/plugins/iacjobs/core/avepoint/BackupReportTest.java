package io.jenkins.plugins.iacjobs.core.avepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.avepoint.report.BackupReport;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.D365Job;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.JobFilter;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** End to end: sandbox tenant → client → four files and a verdict. */
class BackupReportTest {
    private static Sandbox sandbox;
    private static Clock clock;

    @TempDir
    Path out;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private BackupReportResult run(ApiGeneration g, BackupReportOptions options) {
        return BackupReport.run(AvePointFixture.client(sandbox, AvePointFixture.secret(sandbox), g), options.resolve(clock), out);
    }

    private static BackupReportOptions options(String type, String since, String status, String org, String failOn, String maxAge) {
        return new BackupReportOptions(type, since, null, null, status, org, failOn, maxAge, 0);
    }

    private static List<D365Job> expected(BackupReportResult r, int type, Integer status) {
        return sandbox.avepoint().matching(new JobFilter(type, r.windowStart(), r.windowFinish(), status, null));
    }

    @Test
    void tenThousandJobWindowWritesFourFilesWhoseRowsMatchTheSandbox() throws Exception {
        BackupReportResult r = run(ApiGeneration.CURRENT, options(null, "25d", null, null, "never", null));
        List<D365Job> expected = expected(r, 0, null);
        assertTrue(expected.size() >= 9_900, "a window of about 10,000 jobs: " + expected.size());
        assertEquals(expected.size(), r.total());
        ReportFiles files = new ReportFiles(out);
        List<List<String>> csv = files.csv();
        assertEquals(expected.size() + 1, csv.size());
        assertTrue(csv.stream().allMatch(row -> row.size() == 20), "every row has every column");
        assertEquals(expected.size(), files.json().get("jobs").size());
        assertEquals(expected.size(), files.json().get("total").asLong());
        Document junit = files.junit();
        assertEquals(expected.size() + 1, junit.getElementsByTagName("testcase").getLength(), "one per job, and the gate");
        long unsuccessful = expected.stream().filter(j -> j.status() == 4 || j.status() == 7).count();
        long inProgress = expected.stream().filter(j -> j.status() == 2).count();
        // failOn never judges no job: the unsuccessful ones keep their counts in system-out, as the gate its reason
        assertEquals(0, junit.getElementsByTagName("failure").getLength());
        assertEquals(unsuccessful + 1, junit.getElementsByTagName("system-out").getLength());
        assertEquals(inProgress, junit.getElementsByTagName("skipped").getLength());
        assertEquals("0", junit.getDocumentElement().getAttribute("failures"));
        assertEquals(List.of("backup-report/jobs.json", "backup-report/jobs.csv", "backup-report/junit.xml", "backup-report/summary.md"),
                r.files());
        try (Stream<Path> left = Files.list(out.resolve("backup-report"))) {
            assertEquals(4, left.count(), "no temporary files are left");
        }
        assertEquals(expected.stream().filter(j -> j.status() == 4).count(), r.count(JobStatus.FAILED));
        assertEquals(expected.stream().filter(j -> j.type() == 1).count(), r.byType().get("backup"));
        assertTrue(files.summary().contains("PASSED"));
    }

    @Test
    void testCasesAreNamedByOrganisationModuleAndJobAndFailuresCarryCounts() throws Exception {
        BackupReportResult r = run(ApiGeneration.CURRENT, options("backup", "12h", "failed", null, "failed", null));
        D365Job first = expected(r, 1, 4).get(0);
        Document junit = new ReportFiles(out).junit();
        var testcase = (Element) junit.getElementsByTagName("testcase").item(0);
        assertEquals(first.organizationName().replace('.', '_') + "." + first.module(), testcase.getAttribute("classname"));
        assertEquals(first.jobId(), testcase.getAttribute("name"));
        String message = ((Element) testcase.getElementsByTagName("failure").item(0)).getAttribute("message");
        assertEquals("failed: " + first.failedEntity() + " of " + first.totalEntity() + " entities and " + first.failedRecord()
                + " of " + first.totalRecord() + " records failed", message);
    }

    @Test
    void organisationNamesWithCommasAndQuotesSurviveTheCsv() throws Exception {
        Tenant.Organisation quoted = sandbox.avepoint().tenant().organisations().get(3);
        assertTrue(quoted.name().contains(",") && quoted.name().contains("\""));
        BackupReportResult r = run(ApiGeneration.CURRENT, options(null, "1d", null, quoted.id(), "never", null));
        List<List<String>> csv = new ReportFiles(out).csv();
        assertEquals(r.total() + 1, csv.size());
        assertTrue(csv.stream().skip(1).allMatch(row -> row.get(0).equals(quoted.name())));
    }

    @Test
    void failOnNeverFailedAndUnsuccessful() {
        assertTrue(run(ApiGeneration.CURRENT, options(null, "2d", null, null, "never", null)).passed());
        BackupReportResult failed = run(ApiGeneration.CURRENT, options(null, "2d", null, null, "failed", null));
        assertFalse(failed.passed());
        assertTrue(failed.verdict().reason().startsWith(failed.count(JobStatus.FAILED) + " of " + failed.total() + " jobs failed"));
        assertFalse(failed.verdict().details().isEmpty());
        assertTrue(run(ApiGeneration.CURRENT, options(null, "2d", "finished", null, "failed", null)).passed());
        assertTrue(run(ApiGeneration.CURRENT, options(null, "2d", "finished-with-exception", null, "failed", null)).passed(),
                "exceptions alone do not fail 'failed'");
        assertFalse(run(ApiGeneration.CURRENT, options(null, "2d", "finished-with-exception", null, "unsuccessful", null)).passed());
        assertTrue(run(ApiGeneration.CURRENT, options(null, "2d", "finished", null, "unsuccessful", null)).passed());
    }

    @Test
    void failOnStaleFindsTheOrganisationWithoutARecentFinishedBackup() {
        Tenant tenant = sandbox.avepoint().tenant();
        BackupReportResult stale = run(ApiGeneration.CURRENT, options("backup", "5d", null, null, "stale", "48h"));
        assertFalse(stale.passed());
        assertEquals(1, stale.verdict().details().size(), stale.verdict().toString());
        assertTrue(stale.verdict().details().get(0).startsWith(tenant.staleOrganisation().name()), stale.verdict().toString());
        Tenant.Organisation healthy = tenant.organisations().get(0);
        assertTrue(run(ApiGeneration.CURRENT, options("backup", "5d", null, healthy.id(), "stale", "48h")).passed());
        assertFalse(run(ApiGeneration.CURRENT, options("backup", "5d", null, tenant.staleOrganisation().name(), "stale", "48h")).passed());
        Map<String, Object> map = stale.toMap();
        assertEquals("FAILED", map.get("verdict"));
        assertTrue(((Map<?, ?>) map.get("newestSuccessfulBackupByOrganization")).containsKey(healthy.name()));
    }

    @Test
    void staleWithNoJobsAtAllFails() {
        BackupReportOptions none = new BackupReportOptions("backup", null, "2000-01-01", "2000-01-05", null, null, "stale", null, 0);
        BackupReportResult r = run(ApiGeneration.CURRENT, none);
        assertEquals(0, r.total());
        assertFalse(r.passed());
        assertTrue(r.verdict().reason().contains("no jobs at all"));
    }

    @Test
    void legacyGenerationGivesTheSameReport() throws Exception {
        BackupReportResult current = run(ApiGeneration.CURRENT, options(null, "3d", null, null, "unsuccessful", null));
        List<List<String>> currentCsv = withoutDuration(new ReportFiles(out).csv());
        BackupReportResult legacy = run(ApiGeneration.LEGACY, options(null, "3d", null, null, "unsuccessful", null));
        assertEquals(current.byStatus(), legacy.byStatus());
        assertEquals(current.verdict(), legacy.verdict());
        assertEquals(currentCsv, withoutDuration(new ReportFiles(out).csv()));
    }

    /** An in-progress job's duration grows between two reads. */
    private static List<List<String>> withoutDuration(List<List<String>> rows) {
        return rows.stream().map(r -> {
            List<String> copy = new ArrayList<>(r);
            copy.remove(8);
            return copy;
        }).toList();
    }

    @Test
    void secretsNeverReachTheFilesOrTheResult() throws Exception {
        AvePointClient client = AvePointFixture.client(sandbox, AvePointFixture.certificate(sandbox), ApiGeneration.CURRENT);
        BackupReportResult r = BackupReport.run(client, options(null, "1d", null, null, "unsuccessful", null).resolve(clock), out);
        String everything = new ReportFiles(out).all() + r + r.toMap();
        assertFalse(everything.contains(sandbox.avepoint().clientSecret()));
        assertFalse(everything.contains("PRIVATE KEY"));
        assertFalse(everything.contains("aos-"), "no bearer token");
        assertFalse(client.toString().contains(sandbox.avepoint().clientSecret()));
    }
}
