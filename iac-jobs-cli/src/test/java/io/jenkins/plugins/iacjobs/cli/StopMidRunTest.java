package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), IacJobsCommand.class.getName(),
                "job", "run", "--system", "terrakube", "--organization", TerrakubeSandbox.ORGANIZATION, "--workspace",
                "sandbox-workspace", "--plan-only", "--out", dir.resolve("out").toString(), "--poll-min", "50ms"))
                .redirectErrorStream(true);
        pb.environment().put("IACJOBS_TERRAKUBE_URL", sandbox.baseUrl());
        pb.environment().put("IACJOBS_TERRAKUBE_TOKEN", sandbox.terrakube().token());
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Void> creating = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("Creating a plan-only job")) {
                        creating.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            creating.complete(null);
        });
        reader.start();
        creating.get(60, TimeUnit.SECONDS);
        Thread.sleep(delayMillis);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        reader.join(10_000);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        if (p.exitValue() != 0) { // the run may have finished before the signal
            assertEquals(143, p.exitValue(), text);
        }
        assertFalse(text.contains("\tat ") || text.contains("Exception"), text);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("iacjobs-")).toList(), text);
        }
    }
}
