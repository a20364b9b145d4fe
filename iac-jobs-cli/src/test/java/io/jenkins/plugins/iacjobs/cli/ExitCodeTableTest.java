package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * docs/cli.md's exit-code table, enforced: the table lists exactly the codes {@link ExitCodes} has, and each code is
 * produced by a real command line, the way a script meets it (130 by a signal to a real process).
 */
class ExitCodeTableTest {
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

    private static Map<String, String> env(String secret) {
        Map<String, String> env = new HashMap<>(SandboxEnv.genesys(sandbox));
        env.put(GenesysOptions.ENV_CLIENT_SECRET, secret);
        return env;
    }

    private CliRun run(String... args) {
        return CliRun.of(env(sandbox.genesysClientSecret()), args);
    }

    @Test
    void theDocumentedTableListsEveryCodeTheToolHas() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "cli.md"));
        String table = doc.substring(doc.indexOf("## Exit codes"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("| code |")));
        TreeSet<Integer> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table);
        while (m.find()) {
            documented.add(Integer.parseInt(m.group(1)));
        }
        TreeSet<Integer> defined = new TreeSet<>();
        for (var f : ExitCodes.class.getFields()) {
            if (f.getType() == int.class) {
                defined.add(f.getInt(null));
            }
        }
        assertEquals(defined, documented, "docs/cli.md's exit codes and ExitCodes' constants");
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 70, 130)), documented);
    }

    @Test
    void zeroForAJobThatEndedWell() {
        CliRun r = run("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--plan-only", "--out", dir.toString(),
                "--poll-min", "50ms");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void sixForADriftCheckWhosePlanHasChanges() {
        CliRun r = run("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--plan-only", "--on-changes", "unstable",
                "--out", dir.toString(), "--poll-min", "50ms");
        assertEquals(6, r.exit(), r.toString());
    }

    @Test
    void sevenForAnApplyHeldBackBecauseThePlanIsNotTheReviewedOne() {
        CliRun r = run("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--expect-plan", "v2:" + "0".repeat(64),
                "--out", dir.toString(), "--poll-min", "50ms");
        assertEquals(7, r.exit(), r.toString());
    }

    @Test
    void oneForAJobThatFailed() {
        CliRun r = run("job", "run", "--accelerator", "Broken Trunk", "--out", dir.toString(), "--poll-min", "50ms");
        assertEquals(1, r.exit(), r.toString());
    }

    @Test
    void twoForUsage() {
        CliRun r = run("job", "run", "--accelerator", "Simple IVR", "--no-such-flag");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void threeForRefusedCredentials() {
        CliRun r = CliRun.of(env("not-the-secret-0987654321"), "accelerators", "list");
        assertEquals(3, r.exit(), r.toString());
    }

    @Test
    void fourForATimeout() {
        try (Sandbox slow = Sandbox.start(SandboxConfig.defaults())) {
            CliRun r = CliRun.of(SandboxEnv.genesys(slow), "job", "run", "--accelerator", "Simple IVR", "-p",
                    "queue_name=Q", "--out", dir.toString(), "--timeout", "1s", "--poll-min", "50ms");
            assertEquals(4, r.exit(), r.toString());
        }
    }

    @Test
    void fiveForAnUnreachableRemote() throws Exception {
        CliRun r = CliRun.of(Map.of("IACJOBS_CLIENT_ID", "a", "IACJOBS_CLIENT_SECRET", "b"), "accelerators", "list",
                "--base-url", "http://127.0.0.1:" + SandboxEnv.closedPort());
        assertEquals(5, r.exit(), r.toString());
    }

    /** A command that fails the way a bug does: with an exception nothing maps. */
    @Command(name = "crash")
    static final class Crash implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void seventyForABugInOneLineWithoutAStackTrace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = IacJobsCommand.run(new CliContext(Map.of(), o, e), o, e, List.of(new Crash()), "crash");
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(70, code, text);
        assertTrue(text.startsWith("internal error: java.lang.IllegalStateException: a bug (please report"), text);
        assertFalse(text.contains("\tat "), text);
    }

    @Test
    void oneHundredThirtyForCtrlCOnARealProcessWhichSaysHowToPickTheJobUp() throws Exception {
        try (Sandbox slow = Sandbox.start(SandboxConfig.defaults())) { // jobs take seconds: time to interrupt one
            CliProcess p = CliProcess.start(SandboxEnv.genesys(slow), List.of(), "job", "run", "--accelerator", "Simple IVR",
                    "-p", "queue_name=Q", "--out", dir.toString(), "--poll-min", "50ms");
            p.awaitLine(line -> line.contains("Genesys Cloud job ") && line.contains(": "));
            assertTrue(p.isAlive(), p.output());
            p.interrupt();
            int exit = p.exit();
            String text = p.output();
            assertEquals(130, exit, text);
            assertTrue(text.contains("Interrupted.") && text.contains("job wait "), text);
        }
    }
}
