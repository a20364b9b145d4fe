package io.jenkins.plugins.iacjobs.core.avepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.avepoint.report.CsvCells;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackupReportOptionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-01T06:00:00Z"), ZoneOffset.UTC);

    private static BackupReportOptions.Plan plan(String type, String since, String start, String finish, String status,
                                                 String org, String failOn, String maxAge) {
        return new BackupReportOptions(type, since, start, finish, status, org, failOn, maxAge, 0).resolve(CLOCK);
    }

    @Test
    void defaultsToTheLastDayOfEveryTypeFailingOnFailedJobs() {
        BackupReportOptions.Plan p = plan(null, null, null, null, null, null, null, null);
        assertEquals(Instant.parse("2025-01-31T06:00:00Z"), p.query().startTime());
        assertEquals(Instant.parse("2025-02-01T06:00:00Z"), p.query().finishTime());
        assertEquals(JobType.ALL, p.query().type());
        assertNull(p.query().status());
        assertEquals(FailOn.FAILED, p.failOn());
    }

    @Test
    void readsNamesCodesDatesAndOrganisations() {
        BackupReportOptions.Plan p = plan("AuditBackup", null, "2025-01-30", "2025-01-31T12:00:00Z", "exception",
                "6CCC1234-0000-4000-8000-000000000001", "unsuccessful", null);
        assertEquals(JobType.AUDIT_BACKUP, p.query().type());
        assertEquals(Instant.parse("2025-01-30T00:00:00Z"), p.query().startTime());
        assertEquals(JobStatus.FINISHED_WITH_EXCEPTION, p.query().status());
        assertEquals("6CCC1234-0000-4000-8000-000000000001", p.query().organizationId());
        assertEquals("contoso-prod", plan("1", "1h", null, null, "4", "contoso-prod", null, null).query().organizationName());
        assertEquals(Duration.ofHours(48), plan("backup", "3d", null, null, null, null, "stale", "48h").maxAge());
    }

    @Test
    void contradictionsNameTheField() {
        assertEquals("since", assertThrows(ValidationException.class, () -> plan(null, "1h", "2025-01-01", null, null, null, null, null)).field());
        assertEquals("finishTime", assertThrows(ValidationException.class, () -> plan(null, null, null, "2025-01-01", null, null, null, null)).field());
        assertEquals("type", assertThrows(ValidationException.class, () -> plan("snapshot", null, null, null, null, null, null, null)).field());
        assertEquals("status", assertThrows(ValidationException.class, () -> plan(null, null, null, null, "ok", null, null, null)).field());
        assertEquals("failOn", assertThrows(ValidationException.class, () -> plan(null, null, null, null, null, null, "always", null)).field());
        assertEquals("failOn", assertThrows(ValidationException.class, () -> plan("restore", null, null, null, null, null, "stale", null)).field());
        assertEquals("maxAge", assertThrows(ValidationException.class, () -> plan(null, "24h", null, null, null, null, "stale", "48h")).field());
        assertEquals("maxAge", assertThrows(ValidationException.class, () -> plan(null, "24h", null, null, null, null, "failed", "1h")).field());
        assertEquals("startTime", assertThrows(ValidationException.class,
                () -> plan(null, null, "2025-01-31", "2025-01-30", null, null, null, null)).field());
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("plain", CsvCells.text("plain"));
        assertEquals("\"a,b\"", CsvCells.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.text("say \"hi\""));
        assertEquals("'=HYPERLINK(\"\"x\"\")", CsvCells.text("=HYPERLINK(\"x\")").replace("\"'", "'").replaceFirst("^\"", "").replaceAll("\"$", ""));
        for (String danger : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            String cell = CsvCells.text(danger);
            assertTrue(cell.startsWith("'") || cell.startsWith("\"'"), danger + " -> " + cell);
        }
        assertEquals("\"line\nbreak\"", CsvCells.text("line\nbreak"));
        assertEquals("", CsvCells.text(null));
    }

    @Test
    void endpointsFromNamesOrUrls() {
        AvePointEndpoints ep = AvePointEndpoints.of("us-gov", "graph-ne");
        assertEquals("https://identity-gov.avepointonlineservices.com/connect/token", ep.tokenUrl().toString());
        assertEquals("https://graph-ne.avepointonlineservices.com/dynamicsbackup/jobs", ep.api("dynamicsbackup/jobs").toString());
        assertEquals("https://graphusgovapi.online15.net/", AvePointEndpoints.of(IdentityService.FEDRAMP, DataCenter.FEDRAMP).apiBase().toString());
        assertEquals("https://identity.example.com/connect/token", AvePointEndpoints.of("https://identity.example.com", "us").tokenUrl().toString());
        assertEquals("data centre", assertThrows(ValidationException.class, () -> AvePointEndpoints.of(null, "mars")).field());
        assertEquals("data centre", assertThrows(ValidationException.class, () -> AvePointEndpoints.of(null, "http://example.com")).field());
    }
}
