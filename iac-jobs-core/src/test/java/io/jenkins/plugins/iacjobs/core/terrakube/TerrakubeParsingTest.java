package io.jenkins.plugins.iacjobs.core.terrakube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statuses, dates, TCL, cursors and connection URLs: the pure parts. */
class TerrakubeParsingTest {

    @Test
    void statusesMapToStatesAndPendingAfterAStepIsRunning() {
        assertEquals(JobState.PENDING, TerrakubeStatus.state("pending", false));
        assertEquals(JobState.RUNNING, TerrakubeStatus.state("pending", true));
        assertEquals(JobState.RUNNING, TerrakubeStatus.state("queue", false));
        assertEquals(JobState.RUNNING, TerrakubeStatus.state("approved", true));
        assertEquals(JobState.WAITING_APPROVAL, TerrakubeStatus.state("waitingApproval", true));
        assertEquals(JobState.SUCCEEDED, TerrakubeStatus.state("completed", true));
        assertEquals(JobState.SUCCEEDED, TerrakubeStatus.state("noChanges", true));
        assertEquals(JobState.FAILED, TerrakubeStatus.state("failed", true));
        assertEquals(JobState.FAILED, TerrakubeStatus.state("rejected", true));
        assertEquals(JobState.CANCELLED, TerrakubeStatus.state("cancelled", true));
        assertEquals(JobState.RUNNING, TerrakubeStatus.state("somethingNew", true));
    }

    @Test
    void datesAreParsedLeniently() {
        assertEquals(Instant.parse("2026-11-23T09:19:00Z"), TerrakubeDates.parse("2026-11-23T09:19Z"));
        assertEquals(Instant.parse("2025-01-15T10:00:00Z"), TerrakubeDates.parse("2025-01-15T10:00:00Z"));
        assertEquals(Instant.parse("2025-01-15T09:00:00.123Z"), TerrakubeDates.parse("2025-01-15T10:00:00.123+01:00"));
        assertEquals(Instant.parse("2025-01-15T10:00:00Z"), TerrakubeDates.parse("2025-01-15T10:00:00"));
        assertNull(TerrakubeDates.parse("yesterday"));
        assertNull(TerrakubeDates.parse(null));
    }

    @Test
    void tclTellsPlanOnlyTemplatesFromOnesThatApply() {
        String plan = b64("flow:\n  - type: \"terraformPlan\"\n    name: \"Plan\"\n    step: 100\n");
        String cli = b64("flow:\n- type: terraformPlan\n  step: 100\n- type: approval # wait\n  team: TERRAFORM_CLI\n"
                + "- type: 'terraformApply'\n  step: 200\n");
        assertTrue(Tcl.isPlanOnly(plan));
        assertFalse(Tcl.isPlanOnly(cli));
        assertEquals(List.of("terraformPlan", "approval", "terraformApply"), Tcl.flowTypes(cli));
        assertFalse(Tcl.isPlanOnly(null));
        assertFalse(Tcl.isPlanOnly("not base64 at all!"));
    }

    @Test
    void theCursorRoundTripsAndSurvivesDamage() {
        LogCursor c = LogCursor.parse("policy:auto;a-1:10;b-2:20!;approved:b-2");
        assertEquals(ApprovePolicy.AUTO, c.policy());
        assertEquals(10, c.offset("a-1"));
        assertTrue(c.isClosed("b-2"));
        assertTrue(c.wasApproved("b-2"));
        assertEquals(-1, c.offset("c-3"));
        assertEquals("policy:auto;a-1:10;b-2:20!;approved:b-2", c.format());
        assertEquals(30, c.totalBytes());
        assertEquals("x:5", LogCursor.parse("x:5;garbage;y:zz").format());
    }

    @Test
    void utf8CutsFallOnCharacterBoundaries() {
        byte[] b = "a✓".getBytes(StandardCharsets.UTF_8); // 1 + 3 bytes
        assertEquals(4, StepLogStreamer.completeCharacters(b, 4));
        assertEquals(1, StepLogStreamer.completeCharacters(b, 3));
        assertEquals(1, StepLogStreamer.completeCharacters(b, 2));
        assertEquals(1, StepLogStreamer.completeCharacters(b, 1));
    }

    @Test
    void connectionUrlsAreCheckedAndNormalised() {
        TerrakubeServer c = TerrakubeServer.of("https://tk.example.com/api/v1/", "org");
        assertEquals("https://tk.example.com/", c.baseUrl().toString());
        assertEquals("https://tk.example.com/api/v1/organization/o/job", c.api("organization/o/job").toString());
        assertThrows(ValidationException.class, () -> TerrakubeServer.of("http://tk.example.com", "org"));
        assertThrows(ValidationException.class, () -> TerrakubeServer.of("https://tk.example.com", " "));
        assertEquals(ApprovePolicy.WAIT, ApprovePolicy.parse(null));
        assertEquals(ApprovePolicy.NEVER, ApprovePolicy.parse("Never"));
        assertThrows(ValidationException.class, () -> ApprovePolicy.parse("sometimes"));
    }

    private static String b64(String yaml) {
        return Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
