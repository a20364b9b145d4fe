package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22, item 2: {@code --on-changes}, the drift watch from a shell, against the sandbox. */
class DriftCliTest {
    private static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void drift() {
        sandbox.genesys().setInSync(AcceleratorCatalogue.SIMPLE_IVR_ID, false);
    }

    private CliRun run(String... args) {
        return CliRun.of(SandboxEnv.genesys(sandbox), args);
    }

    private CliRun plan(String... more) {
        String[] base = {"job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Support", "--plan-only",
                "--out", dir.toString(), "--poll-min", "50ms"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return run(all);
    }

    @Test
    void aPlanWithChangesExitsSixUnderUnstableAndOneUnderFailAndSaysWhy() {
        CliRun unstable = plan("--on-changes", "unstable");
        assertEquals(6, unstable.exit(), unstable.toString());
        assertTrue(unstable.out().contains("Drift: Plan: 3 to add, 0 to change, 0 to destroy. (--on-changes unstable: exit 6)"),
                unstable.toString());
        CliRun fail = plan("--on-changes", "FAIL");
        assertEquals(1, fail.exit(), fail.toString());
        assertTrue(fail.out().contains("(--on-changes fail: exit 1)"), fail.toString());
        CliRun ignored = plan();
        assertEquals(0, ignored.exit(), "ignore is the default: " + ignored);
    }

    @Test
    void noChangesExitsZeroUnderEveryPolicy() {
        sandbox.genesys().setInSync(AcceleratorCatalogue.SIMPLE_IVR_ID, true);
        for (String policy : new String[] {"unstable", "fail", "ignore"}) {
            CliRun r = plan("--on-changes", policy);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("No changes."), r.toString());
            assertFalse(r.out().contains("Drift"), r.toString());
        }
    }

    @Test
    void jsonOutputSaysWhetherThePlanDriftedAndGivesItsFingerprint() throws Exception {
        CliRun r = plan("--on-changes", "unstable", "--output", "json");
        assertEquals(6, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("drift").asBoolean(), r.out());
        assertTrue(json.get("plan").get("fingerprint").asText().matches("v2:[0-9a-f]{64}"), r.out());
        assertTrue(r.err().contains("Drift: Plan: 3 to add"), "the verdict goes to stderr beside the progress: " + r);
    }

    @Test
    void aPolicyThatCannotApplyIsRefusedBeforeAnythingIsSent() {
        long before = sandbox.counters().jobsCreated();
        CliRun apply = run("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Support", "--on-changes", "unstable",
                "--out", dir.toString());
        assertEquals(2, apply.exit(), apply.toString());
        assertTrue(apply.err().contains("--on-changes: 'unstable' applies to plan-only runs (a drift check), and this run applies"
                + " its changes; add --plan-only, or leave --on-changes out"), apply.toString());
        CliRun submitOnly = plan("--on-changes", "fail", "--submit-only");
        assertEquals(2, submitOnly.exit(), submitOnly.toString());
        assertTrue(submitOnly.err().contains("--on-changes: needs the plan, which --submit-only does not wait for"), submitOnly.toString());
        CliRun typo = plan("--on-changes", "warn");
        assertEquals(2, typo.exit(), typo.toString());
        assertTrue(typo.err().contains("--on-changes: 'warn' is not one of 'ignore', 'unstable', 'fail'"), typo.toString());
        assertEquals(before, sandbox.counters().jobsCreated(), "no job was created");
    }
}
