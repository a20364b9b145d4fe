package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23 from a shell: {@code --expect-plan}, outputs for the next stage, and {@code --queue}, against the sandbox. */
class ReviewedApplyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CliRun genesys(String... more) {
        List<String> args = new ArrayList<>(List.of("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Support",
                "--out", dir.toString(), "--poll-min", "50ms"));
        args.addAll(List.of(more));
        return CliRun.of(SandboxEnv.genesys(sandbox), args.toArray(String[]::new));
    }

    private long applies() {
        return sandbox.genesys().jobs().stream().filter(j -> !j.dryRun()).count();
    }

    private String reviewedFingerprint() throws Exception {
        CliRun plan = genesys("--plan-only", "--output", "json");
        assertEquals(0, plan.exit(), plan.toString());
        String fingerprint = JSON.readTree(plan.out()).get("plan").get("fingerprint").asText();
        assertTrue(fingerprint.matches("v2:[0-9a-f]{64}"), fingerprint);
        return fingerprint;
    }

    @Test
    void theReviewedPlanIsAppliedAfterADryRunOfTheSameInputsPlansIt() throws Exception {
        String fingerprint = reviewedFingerprint();
        CliRun apply = genesys("--expect-plan", fingerprint, "--output", "json");
        assertEquals(0, apply.exit(), apply.toString());
        JsonNode json = JSON.readTree(apply.out());
        assertTrue(json.get("expectPlan").get("matches").asBoolean(), apply.out());
        assertEquals(fingerprint, json.get("expectPlan").get("planned").asText());
        assertFalse(json.get("planOnly").asBoolean());
        assertTrue(json.get("results").isArray(), "an apply's results, parsed: " + apply.out());
        assertTrue(json.get("outputs").isObject(), apply.out());
        assertTrue(apply.err().contains("planned what was reviewed (fingerprint " + fingerprint.substring(3, 15)), apply.toString());
        assertEquals(1, applies(), "one apply");
        assertEquals(3, sandbox.genesys().jobs().size(), "the reviewed plan, the check's dry run, the apply");
        assertTrue(Files.exists(Path.of(json.get("artifacts").get(0).asText()).getParent().resolve("outputs.json")));
    }

    @Test
    void aPlanThatChangedSinceTheReviewAppliesNothingAndExitsSeven() throws Exception {
        String fingerprint = reviewedFingerprint();
        sandbox.genesys().changeOutside("Simple IVR", "genesyscloud_routing_queue.Sales");
        CliRun apply = genesys("--expect-plan", fingerprint);
        assertEquals(7, apply.exit(), apply.toString());
        String err = apply.err();
        String out = apply.out();
        assertTrue(err.contains("--expect-plan: the plan changed since it was reviewed. Reviewed " + fingerprint), err);
        assertTrue(out.contains("Resources that differ (1):\n  ~ genesyscloud_routing_queue.Sales   (new: not in the reviewed plan)\n"),
                apply.toString());
        assertTrue(err.contains("Nothing was applied."), err);
        assertTrue(err.contains("run again with --expect-plan 'v2:"), err);
        assertTrue(err.contains("Review the new plan"), err);
        assertEquals(0, applies(), "no apply job was created");
    }

    @Test
    void anExpectationThatCannotApplyIsRefusedBeforeAnythingIsSent() {
        String fp = "v2:" + "0".repeat(64);
        for (String[] args : new String[][] {{"--expect-plan", fp, "--plan-only"}, {"--expect-plan", fp, "--submit-only"},
                {"--expect-plan", "3f9a2c1b0d4e"}, {"--expect-plan", "v1:" + "0".repeat(64)}}) {
            CliRun r = genesys(args);
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("--expect-plan: "), r.toString());
        }
        Map<String, String> env = new HashMap<>(SandboxEnv.terrakube(sandbox));
        CliRun tk = CliRun.of(env, "job", "run", "--system", "terrakube", "--workspace", "staging", "--expect-plan", fp,
                "--out", dir.toString());
        assertEquals(2, tk.exit(), tk.toString());
        assertTrue(tk.err().contains("--system terrakube plans and applies in one job"), tk.toString());
        assertEquals(0, sandbox.counters().jobsCreated(), "nothing was sent");
        assertEquals(0L, sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
    }

    @Test
    void aTerrakubeApplyPrintsItsOutputsWithTheSensitiveOneMaskedEverywhere() throws Exception {
        Map<String, String> env = new HashMap<>(SandboxEnv.terrakube(sandbox));
        CliRun apply = CliRun.of(env, "job", "run", "--system", "terrakube", "--workspace", "staging", "--template",
                "Plan and apply without approval", "--out", dir.toString(), "--poll-min", "50ms", "--output", "json");
        assertEquals(0, apply.exit(), apply.toString());
        JsonNode json = JSON.readTree(apply.out());
        JsonNode outputs = json.get("outputs");
        assertEquals("vpc-staging-" + json.get("id").asText(), outputs.get("vpc_id").get("value").asText(), apply.out());
        assertEquals("****", outputs.get("db_password").get("value").asText());
        assertTrue(outputs.get("db_password").get("sensitive").asBoolean());
        CliRun text = CliRun.of(env, "job", "run", "--system", "terrakube", "--workspace", "staging", "--template",
                "Plan and apply without approval", "--out", dir.toString(), "--poll-min", "50ms");
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("Outputs (from the state written by job "), text.toString());
        assertTrue(text.out().contains("  db_password = **** (sensitive)"), text.toString());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertFalse(Files.readString(p).contains(TerrakubeSandbox.SECRET_OUTPUT_PREFIX), "the secret is in " + p);
            }
        }
        assertFalse((apply + text.toString()).contains(TerrakubeSandbox.SECRET_OUTPUT_PREFIX));
    }

    @Test
    void queueFailCreatesNoJobBehindAnActiveOneAndExitsSeven() {
        Map<String, String> env = new HashMap<>(SandboxEnv.terrakube(sandbox));
        CliRun waiting = CliRun.of(env, "job", "run", "--system", "terrakube", "--workspace", "staging", "--template",
                "Plan and apply", "--approve", "never", "--out", dir.resolve("a").toString(), "--poll-min", "50ms");
        assertEquals(0, waiting.exit(), waiting.toString()); // stops at waitingApproval: the job stays active
        long created = sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED);
        CliRun busy = CliRun.of(env, "job", "run", "--system", "terrakube", "--workspace", "staging", "--plan-only",
                "--queue", "fail", "--out", dir.resolve("b").toString());
        assertEquals(7, busy.exit(), busy.toString());
        assertTrue(busy.err().contains("queue: 'fail', and workspace 'staging' already runs job 1 (waitingApproval)"), busy.toString());
        assertEquals(created, sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED), "no job was created");
        CliRun typo = CliRun.of(env, "job", "run", "--system", "terrakube", "--workspace", "staging", "--plan-only",
                "--queue", "later", "--out", dir.resolve("c").toString());
        assertEquals(2, typo.exit(), typo.toString());
        assertTrue(typo.err().contains("queue: 'later' is not a queue policy"), typo.toString());
        CliRun genesysQueue = genesys("--queue", "fail");
        assertEquals(2, genesysQueue.exit(), genesysQueue.toString());
        assertTrue(genesysQueue.err().contains("--queue"), genesysQueue.toString());
    }
}
