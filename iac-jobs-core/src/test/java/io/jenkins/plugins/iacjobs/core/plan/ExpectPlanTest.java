package io.jenkins.plugins.iacjobs.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.job.JobResult;
import io.jenkins.plugins.iacjobs.core.job.JobRunner;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Apply exactly what was reviewed": the v2 fingerprint of a plan and the check of a fresh dry run, against the sandbox. */
class ExpectPlanTest {
    private static final PollSettings FAST = new PollSettings(Duration.ofMillis(20), Duration.ofMillis(200), 1.5, Duration.ofSeconds(30));
    private static final String SECRET = "ivr-secret-4242";

    @TempDir
    Path out;

    private JobResult run(SandboxFixture f, GenesysJobRequest request) throws Exception {
        GenesysJobs jobs = f.jobs();
        try (JobWatcher watcher = JobWatcher.create(2, Clock.systemUTC())) {
            JobRunner runner = new JobRunner(jobs, watcher, "test", Clock.systemUTC());
            SubmittedJob job = new Submission<>(jobs, request).submit(s -> { });
            WatchHandle h = runner.handleFor(job);
            JobSnapshot last = runner.watch(h, new WatchListener() { }, FAST, null).result().get(60, TimeUnit.SECONDS);
            return runner.finish(h, last, job, out.resolve(job.jobId()), null);
        }
    }

    private static GenesysJobRequest ivr(String queue, boolean planOnly) {
        return new GenesysJobRequest("Simple IVR", Map.of("queue_name", queue, "flow_api_secret", SECRET), planOnly);
    }

    @Test
    void theFingerprintCoversTheInputsAndADryRunOfTheSameInputsMatchesTheReviewedOne() throws Exception {
        try (SandboxFixture f = SandboxFixture.fast()) {
            JobResult first = run(f, ivr("Support", true));
            Plan reviewed = first.report().plan();
            assertNotNull(reviewed);
            assertTrue(reviewed.fingerprint().matches("v2:[0-9a-f]{64}"), reviewed.fingerprint());
            // where a person and a script find it: job.json (first, beside the remote's own members), plan.json, summary.md
            Path dir = out.resolve(first.jobId()).resolve(first.folder());
            com.fasterxml.jackson.databind.JsonNode job = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("job.json").toFile());
            assertEquals(reviewed.fingerprint(), job.get("iacJobs").get("planFingerprint").asText());
            assertEquals(first.jobId(), job.get("id").asText(), "the remote's members are kept");
            assertEquals("iacJobs", job.fieldNames().next());
            assertTrue(java.nio.file.Files.readString(dir.resolve("plan.json")).contains(reviewed.fingerprint()));
            assertTrue(java.nio.file.Files.readString(dir.resolve("summary.md")).contains("Fingerprint: `" + reviewed.fingerprint() + "`"));
            Plan again = run(f, ivr("Support", false).asPlanOnly()).report().plan();
            assertEquals(reviewed.fingerprint(), again.fingerprint(), "the same inputs as a dry run: the same fingerprint");

            PlanExpectation expected = PlanExpectation.parse("expectPlan", reviewed.fingerprint().toUpperCase(java.util.Locale.ROOT)
                    .replace("V2:", "v2:"));
            PlanExpectation.Verdict ok = expected.check("job-2", again, reviewed);
            assertTrue(ok.matches(), ok.message());
            assertTrue(ok.message().startsWith("Dry run job-2 planned what was reviewed (fingerprint " + reviewed.shortFingerprint()), ok.message());

            // another value of an input, even one that names no resource: another fingerprint, though the changes look alike
            Plan otherSecret = run(f, new GenesysJobRequest("Simple IVR", Map.of("queue_name", "Support", "flow_api_secret",
                    "another-secret"), true)).report().plan();
            assertEquals(reviewed.resources(), otherSecret.resources());
            assertNotEquals(reviewed.fingerprint(), otherSecret.fingerprint());
            PlanExpectation.Verdict inputs = expected.check("job-3", otherSecret, reviewed);
            assertFalse(inputs.matches());
            assertEquals(List.of("Both plan the same resources: the target or an input differs from the reviewed run's."),
                    inputs.differences());
            assertFalse(inputs.message().contains(SECRET) || inputs.message().contains("another-secret"), inputs.message());
        }
    }

    @Test
    void aPlanThatChangedSinceTheReviewNamesBothFingerprintsAndTheResourcesThatDiffer() throws Exception {
        try (SandboxFixture f = SandboxFixture.fast()) {
            Plan reviewed = run(f, ivr("Support", true)).report().plan();
            f.sandbox.genesys().changeOutside("Simple IVR",
                    "genesyscloud_routing_queue.Sales");
            Plan now = run(f, ivr("Support", true)).report().plan();
            PlanExpectation.Verdict v = new PlanExpectation(reviewed.fingerprint(), "expectPlan").check("job-9", now, reviewed);
            assertFalse(v.matches());
            assertEquals(now.fingerprint(), v.planned());
            String m = v.message();
            assertTrue(m.startsWith("expectPlan: the plan changed since it was reviewed. Reviewed " + reviewed.fingerprint()
                    + ", but dry run job-9 with the same inputs planned " + now.fingerprint()), m);
            assertTrue(m.contains("Nothing was applied."), m);
            assertFalse(m.contains("\n"), "one line: " + m);
            assertEquals(List.of("Resources that differ (1):", "  ~ genesyscloud_routing_queue.Sales   (new: not in the reviewed plan)"),
                    v.differences());
            assertTrue(m.endsWith("run again with expectPlan: '" + now.fingerprint() + "'."), m);

            // without the reviewed plan at hand: what the dry run plans
            List<String> blind = new PlanExpectation(reviewed.fingerprint(), "--expect-plan").check("job-9", now, null).differences();
            assertTrue(blind.get(0).startsWith("The reviewed plan itself is not at hand (only its fingerprint)"), blind.toString());
            assertTrue(blind.contains("  ~ genesyscloud_routing_queue.Sales"), blind.toString());
            // a dry run whose plan could not be read never applies
            PlanExpectation.Verdict unread = new PlanExpectation(reviewed.fingerprint(), "expectPlan").check("job-9", null, reviewed);
            assertFalse(unread.matches());
            assertTrue(unread.message().contains("could not be read") && unread.message().contains("Nothing was applied"));
        }
    }

    @Test
    void aBadExpectationIsRefusedByNameBeforeAnythingIsSent() {
        ValidationException empty = assertThrows(ValidationException.class, () -> PlanExpectation.parse("expectPlan", " "));
        assertEquals("expectPlan", empty.field());
        ValidationException v1 = assertThrows(ValidationException.class,
                () -> PlanExpectation.parse("--expect-plan", "v1:" + "a".repeat(64)));
        assertTrue(v1.getMessage().startsWith("--expect-plan: 'v1:aaaa") && v1.getMessage().contains("v2 fingerprint"), v1.getMessage());
        ValidationException shortForm = assertThrows(ValidationException.class, () -> PlanExpectation.parse("expectPlan", "3f9a2c1b0d4e"));
        assertTrue(shortForm.getMessage().contains("not its short form"), shortForm.getMessage());
    }

    @Test
    void anApprovalRecordsThePlanItWasGivenOn() {
        Plan p = new Plan(1, 0, 0, java.util.List.of(PlannedChange.of(PlannedChange.Action.CREATE, "a.b")), false, true, "t")
                .forInputs(PlanFingerprint.inputs("x"));
        assertEquals("on plan " + p.fingerprint() + " (+1 ~0 -0)", PlanExpectation.approvedOn(p));
        assertEquals("on a plan that could not be read from the log", PlanExpectation.approvedOn(null));
        assertTrue(p.fingerprint().startsWith("v2:"));
        assertEquals(p, p.forInputs(PlanFingerprint.inputs("y")), "the inputs are added once, never on top");
    }
}
