package io.jenkins.plugins.iacjobs.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.report.SummaryMarkdown;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 22, item 2: the plan fingerprint, the comparison with the previous plan, and the drift policy. */
class DriftTest {

    private static Plan terraform(String text) {
        return TerraformPlanText.read(new StringReader(text)).orElseThrow();
    }

    private static final String TWO = """
            \u001b[1m  # aws_subnet.a\u001b[0m will be created
              # aws_instance.web will be destroyed
            Plan: 1 to add, 0 to change, 1 to destroy.
            """;

    @Test
    void theSameChangesGiveTheSameFingerprintWhateverTheOrderColoursAndOtherOutput() {
        Plan a = terraform(TWO);
        Plan b = terraform("Refreshing state... [id=i-0abc]\n  # aws_instance.web will be destroyed\n"
                + "  # aws_subnet.a will be created\n\nPlan: 1 to add, 0 to change, 1 to destroy.\n");
        assertEquals(a.fingerprint(), b.fingerprint());
        assertTrue(a.fingerprint().matches("v1:[0-9a-f]{64}"), a.fingerprint());
        assertEquals(12, a.shortFingerprint().length());
        assertEquals(a.fingerprint(), a.toMap().get("fingerprint"), "job.plan.fingerprint");
    }

    @Test
    void anotherActionOrAnotherResourceGivesAnotherFingerprint() {
        Plan a = terraform(TWO);
        Plan updated = terraform("  # aws_subnet.a will be updated in-place\n  # aws_instance.web will be destroyed\n"
                + "Plan: 0 to add, 1 to change, 1 to destroy.\n");
        Plan other = terraform("  # aws_subnet.b will be created\n  # aws_instance.web will be destroyed\n"
                + "Plan: 1 to add, 0 to change, 1 to destroy.\n");
        Plan fewer = terraform("  # aws_subnet.a will be created\nPlan: 1 to add, 0 to change, 0 to destroy.\n");
        assertEquals(3, List.of(updated.fingerprint(), other.fingerprint(), fewer.fingerprint()).stream()
                .filter(f -> !f.equals(a.fingerprint())).distinct().count());
        Plan none = terraform("No changes. Your infrastructure matches the configuration.\n");
        assertNotEquals(a.fingerprint(), none.fingerprint());
    }

    /** A plan too big to keep whole is fingerprinted over every resource, not only the ones it keeps. */
    @Test
    void aPlanTooBigToKeepIsFingerprintedOverEveryResource() {
        int n = Plan.KEPT + 500;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < n; i++) {
            all.append("  # aws_instance.web[").append(i).append("] will be created\n");
        }
        Plan big = terraform(all + "Plan: " + n + " to add, 0 to change, 0 to destroy.\n");
        Plan lastDiffers = terraform(all.toString().replace("web[" + (n - 1) + "]", "web[x]")
                + "Plan: " + n + " to add, 0 to change, 0 to destroy.\n");
        assertFalse(big.listsAll());
        assertNotEquals(big.fingerprint(), lastDiffers.fingerprint(), "a resource past the kept ones counts");
        // and the listed plan, had it been kept whole, has the same fingerprint as the streamed one
        List<PlannedChange> every = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            every.add(PlannedChange.of(PlannedChange.Action.CREATE, "aws_instance.web[" + i + "]"));
        }
        assertEquals(new Plan(n, 0, 0, every, false, true, "test").fingerprint(), big.fingerprint());
    }

    @Test
    void theComparisonSaysWhetherADriftStaysIsNewOrIsGone() {
        Plan drift = terraform(TWO);
        Plan none = terraform("No changes.\n");
        assertNull(PlanComparison.of(drift, null));
        assertNull(PlanComparison.of(null, new PlanComparison.Prior("build #1", drift.fingerprint(), true, null)));

        PlanComparison stays = PlanComparison.of(drift, new PlanComparison.Prior("build #2", drift.fingerprint(), true, null));
        assertTrue(stays.sameChanges());
        assertEquals("Same changes as build #2.", stays.sentence());
        assertEquals("build #2", stays.firstSeen("build #3"));

        PlanComparison staysLonger = PlanComparison.of(drift, new PlanComparison.Prior("build #3", drift.fingerprint(), true, "build #2"));
        assertEquals("Same changes as build #3 (first seen in build #2).", staysLonger.sentence());
        assertEquals("build #2", staysLonger.firstSeen("build #4"));

        PlanComparison fresh = PlanComparison.of(drift, new PlanComparison.Prior("build #1", none.fingerprint(), false, null));
        assertFalse(fresh.sameChanges());
        assertEquals("New changes: build #1 planned none.", fresh.sentence());
        assertEquals("build #2", fresh.firstSeen("build #2"));

        PlanComparison other = PlanComparison.of(drift, new PlanComparison.Prior("build #1", "v1:other", true, null));
        assertEquals("Different changes from build #1.", other.sentence());

        PlanComparison gone = PlanComparison.of(none, new PlanComparison.Prior("build #4", drift.fingerprint(), true, "build #2"));
        assertEquals("No changes now; build #4 planned some.", gone.sentence());
        assertNull(gone.firstSeen("build #5"));
        assertEquals("No changes, as in build #5.",
                PlanComparison.of(none, new PlanComparison.Prior("build #5", none.fingerprint(), false, null)).sentence());
    }

    @Test
    void summaryMarkdownSaysHowThePlanComparesWithThePreviousOne() {
        Plan drift = terraform(TWO);
        PlanComparison stays = PlanComparison.of(drift, new PlanComparison.Prior("build #7", drift.fingerprint(), true, "build #5"));
        JobReport r = new JobReport("Terrakube", "tk", "job-9", "plan", "t-1", true, Map.of(), "completed", true, null,
                Instant.now(), Instant.now(), null, drift, null, null, stays);
        String md = SummaryMarkdown.render(r, List.of("plan.txt"));
        assertTrue(md.contains("Same changes as build #7 (first seen in build #5). Fingerprint `" + drift.shortFingerprint() + "`."), md);
        JobReport first = new JobReport("Terrakube", "tk", "job-9", "plan", "t-1", true, Map.of(), "completed", true, null,
                Instant.now(), Instant.now(), null, drift, null, null, null);
        String alone = SummaryMarkdown.render(first, List.of());
        assertFalse(alone.contains("Fingerprint `"), "nothing to compare with: no comparison said");
        // issue 23: the whole fingerprint is always there, as expectPlan takes it
        assertTrue(alone.contains("\nFingerprint: `" + drift.fingerprint() + "`\n"), alone);
    }

    @Test
    void thePolicyIsReadByNameAndRefusedWhereItCannotApply() {
        assertEquals(OnChanges.IGNORE, OnChanges.parse("onChanges", null));
        assertEquals(OnChanges.IGNORE, OnChanges.parse("onChanges", " "));
        assertEquals(OnChanges.UNSTABLE, OnChanges.parse("onChanges", "Unstable"));
        assertEquals(OnChanges.FAIL, OnChanges.parse("--on-changes", "fail"));
        ValidationException bad = assertThrows(ValidationException.class, () -> OnChanges.parse("--on-changes", "warn"));
        assertEquals("--on-changes: 'warn' is not one of 'ignore', 'unstable', 'fail'; use 'unstable' or 'fail' to act on a plan "
                + "with changes, or leave it out", bad.getMessage());
        ValidationException apply = assertThrows(ValidationException.class,
                () -> OnChanges.UNSTABLE.requirePlanOnly("onChanges", "planOnly: true", false));
        assertTrue(apply.getMessage().startsWith("onChanges: 'unstable' applies to plan-only runs"), apply.getMessage());
        assertTrue(apply.getMessage().contains("add planOnly: true"), apply.getMessage());
        OnChanges.IGNORE.requirePlanOnly("onChanges", "planOnly: true", false);
        OnChanges.FAIL.requirePlanOnly("onChanges", "planOnly: true", true);
    }

    @Test
    void thePolicyActsOnChangesAndOnAPlanItCouldNotRead() {
        Plan drift = terraform(TWO);
        Plan none = terraform("No changes.\n");
        assertTrue(OnChanges.UNSTABLE.actsOn(drift));
        assertTrue(OnChanges.FAIL.actsOn(null));
        assertFalse(OnChanges.UNSTABLE.actsOn(none));
        assertFalse(OnChanges.IGNORE.actsOn(drift));
        assertEquals("Drift: Plan: 1 to add, 0 to change, 1 to destroy.", OnChanges.drift(drift, null));
        assertEquals("The plan could not be read, so drift cannot be ruled out.", OnChanges.drift(null, null));
    }
}
