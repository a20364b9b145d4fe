package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20, item 6: SIGTERM to the CLI as a process while it creates a Terrakube job and right after, at several
 * moments. Each stop must end quietly (no stack trace) and leave no temporary log behind.
 */
class StopMidRunTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "SIGTERM {0} ms after the create began")
    @ValueSource(ints = {0, 5, 20, 50, 150, 400, 1000})
    void aStopAtAnyMomentEndsQuietlyAndLeavesNoTemporaryFile(int delayMillis, @TempDir Path dir)
            throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        CliProcess p = CliProcess.start(SandboxEnv.terrakube(sandbox), List.of("-Djava.io.tmpdir=" + tmp), "job", "run",
                "--system", "terrakube", "--workspace", "sandbox-workspace", "--plan-only", "--out",
                dir.resolve("out").toString(), "--poll-min", "50ms");
        p.awaitLine(line -> line.contains("Creating a plan-only job"));
        Thread.sleep(delayMillis);
        p.terminate();
        int exit = p.exit();
        String text = p.output();
        if (exit != 0) { // the run may have finished before the signal
            assertEquals(143, exit, text);
        }
        assertFalse(text.contains("\tat ") || text.contains("Exception"), text);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("iacjobs-")).toList(), text);
        }
    }
}
