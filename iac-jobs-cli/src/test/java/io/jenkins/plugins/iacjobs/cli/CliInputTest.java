package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong input is refused with one error line and exit 2 before anything is submitted. */
class CliInputTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Map<String, String> env() {
        return SandboxEnv.genesys(sandbox);
    }

    @ParameterizedTest
    @CsvSource({"--timeout,30mins", "--timeout,99999999999999999999d", "--timeout,31d", "--poll-min,0s", "--poll-max,abc"})
    void aBadDurationIsRefusedBeforeSubmitting(String option, String value) {
        CliRun r = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--out", dir.toString(),
                option, value);
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains(option + ": '" + value + "'"), r.toString());
        assertEquals(0, sandbox.counters().submitRequests(), "nothing was submitted");
        assertFalse(r.all().contains("\tat "), r.toString());
    }

    private static void oneErrorLine(CliRun r) {
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.toString());
        assertTrue(r.err().startsWith("error: "), r.toString());
    }

    @Test
    void aParameterWithoutEqualsIsOneErrorLine() {
        CliRun r = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r);
        assertTrue(r.err().contains("--help"), r.toString());
    }

    @Test
    void anUnwritableOutFolderIsRefusedBeforeSubmitting() throws Exception {
        CliRun r = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--out", "/proc/iacjobs-x");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r);
        assertTrue(r.err().startsWith("error: --out: '/proc/iacjobs-x' cannot be written"), r.toString());
        assertEquals(0, sandbox.counters().submitRequests());
    }

    @Test
    void anUnknownAcceleratorTypeIsRefusedWithTheChoices() {
        CliRun r = CliRun.of(env(), "accelerators", "list", "--type", "modul");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r);
        assertTrue(r.err().contains("did you mean 'module'?"), r.toString());
        assertEquals(0, sandbox.counters().acceleratorRequests());
    }

    @Test
    void aMissingOrMalformedJobIdIsAUsageError() {
        CliRun missing = CliRun.of(env(), "job", "status", "00000000-0000-4000-8000-000000000000");
        assertEquals(ExitCodes.USAGE, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("has no job"), missing.toString());
        CliRun dot = CliRun.of(env(), "job", "status", ".");
        assertEquals(ExitCodes.USAGE, dot.exit(), dot.toString());
        oneErrorLine(dot);
        CliRun dotDot = CliRun.of(env(), "job", "wait", "..", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, dotDot.exit(), dotDot.toString());
        assertFalse(Files.exists(dir.resolve("iac-jobs").resolve("..").resolve("job.json")));
    }

    @Test
    void aTimeoutLeavesTheFilesAndSaysHowToPickTheJobUp() throws Exception {
        sandbox.close();
        sandbox = Sandbox.start(SandboxConfig.defaults()); // jobs take seconds: longer than the timeout
        CliRun r = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--out", dir.toString(),
                "--timeout", "1s", "--poll-min", "50ms");
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        Matcher m = Pattern.compile("`(iacjobs job wait [^`]+)` picks it up again").matcher(r.err());
        assertTrue(m.find(), r.toString());
        String id = m.group(1).split(" ")[3];
        assertTrue(Files.exists(dir.resolve("iac-jobs").resolve(id).resolve("summary.md")), r.toString());
        // Pasted as printed (the secret comes from the environment), it finishes the job.
        CliRun again = CliRun.of(env(), m.group(1).substring("iacjobs ".length()).replace("'", "").split(" "));
        assertEquals(ExitCodes.SUCCESS, again.exit(), again.toString());
        // A new run with the same inputs is told about the job no run saw end.
        CliRun rerun = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--out", dir.toString(),
                "--submit-only");
        assertEquals(ExitCodes.SUCCESS, rerun.exit(), rerun.toString());
        assertFalse(rerun.out().contains("An earlier run with the same inputs submitted job " + id), "it ended: " + rerun);
    }

    @Test
    void aRunWithTheSameInputsAsAnUnfinishedOneOffersToWaitForIt() {
        CliRun first = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Same", "--out", dir.toString(),
                "--submit-only");
        assertEquals(ExitCodes.SUCCESS, first.exit(), first.toString());
        CliRun second = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Same", "--out", dir.toString(),
                "--submit-only");
        assertTrue(second.out().contains("An earlier run with the same inputs submitted job ") && second.out().contains("picks it up"),
                second.toString());
        CliRun other = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Other", "--out", dir.toString(),
                "--submit-only");
        assertFalse(other.out().contains("An earlier run"), other.toString());
    }
}
