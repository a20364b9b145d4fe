package io.jenkins.plugins.iacjobs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The CLI as a process of its own, the way a user or a CI system runs it, with its output (stdout and stderr
 * together) read as it comes, for tests that send it a signal at a given moment.
 */
final class CliProcess {
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;
    private volatile Predicate<String> awaited = line -> false;
    private volatile CompletableFuture<Void> seen = new CompletableFuture<>();

    private CliProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "cli-process-output");
        reader.start();
    }

    /**
     * Starts the CLI through python, which restores SIGINT's default first: a shell without job control (a CI
     * runner) hands its children SIGINT ignored, and a JVM keeps it so.
     *
     * @param jvmOptions options for the CLI's JVM, such as {@code -Djava.io.tmpdir=…}
     */
    static CliProcess start(Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", "import os, signal, sys;"
                + " signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), IacJobsCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new CliProcess(pb.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (awaited.test(line)) {
                    seen.complete(null);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        seen.complete(null);
    }

    /** Returns once a line matching {@code line} was printed, or the process ended. */
    void awaitLine(Predicate<String> line) throws Exception {
        synchronized (output) {
            if (output.toString().lines().anyMatch(line)) {
                return;
            }
            seen = new CompletableFuture<>();
            awaited = line;
        }
        seen.get(60, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -INT}, as Ctrl-C sends it. */
    void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    /** SIGTERM, as a CI system stopping a job sends it. */
    void terminate() {
        process.destroy();
    }

    /** The exit code once the process ended (within a minute), its output read to the end. */
    int exit() throws Exception {
        return exit(Duration.ofMinutes(1));
    }

    /** The exit code once the process ended (within {@code within}), its output read to the end. */
    int exit(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not end within " + within + ":\n" + output());
        }
        reader.join(10_000);
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }
}
