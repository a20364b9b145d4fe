package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iacjobs job run --system terrakube} and {@code iacjobs demo --system terrakube} against the sandbox. */
class TerrakubeCliTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.1));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(SandboxEnv.terrakube(sandbox));
        env.remove(TerrakubeOptions.ENV_ORGANIZATION); // these tests name it with --organization
        return env;
    }

    private CliRun run(String workspace, String template, String... more) {
        List<String> args = new ArrayList<>(List.of("job", "run", "--system", "terrakube", "--organization", "sandbox-org",
                "--workspace", workspace, "--template", template, "--out", dir.toString(), "--poll-min", "50ms", "--poll-max", "100ms"));
        args.addAll(List.of(more));
        return CliRun.of(env(), args.toArray(String[]::new));
    }

    @Test
    void aCompletedJobStreamsItsStepLogsLiveAndExitsZero() throws Exception {
        CliRun r = run("sandbox-workspace", "Plan and apply", "--approve", "auto");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        int plan = r.out().indexOf("Plan: 40 to add");
        int approved = r.out().indexOf("[iacjobs] Approved job 1");
        int apply = r.out().indexOf("Apply complete!");
        int done = r.out().indexOf("Done: Terrakube job 1 completed");
        assertTrue(plan > 0 && plan < approved && approved < apply && apply < done, r.out());
        long whole = r.out().lines().filter(l -> l.matches("  \\+ null_resource\\.sandbox\\[\\d+] will be created · größe=\\d+ ✓")).count();
        assertEquals(80, whole, "log chunks are cut anywhere but lines print whole: " + r.out());
        String log = Files.readString(dir.resolve("iac-jobs/1/log.txt"));
        assertTrue(log.contains("Plan: 40 to add") && log.contains("Apply complete!"), log);
        assertEquals(1, sandbox.counters().get(TerrakubeSandbox.APPROVALS));
        assertFalse(r.all().contains(sandbox.terrakube().token()));
    }

    @Test
    void theTemporaryLogIsPrivateAndGoneWhenTheRunTimesOut() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Supplier<Set<Path>> logs = () -> {
            try (var s = Files.list(tmp)) {
                return s.filter(p -> p.getFileName().toString().startsWith("iacjobs-log-")).collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Set<Path> before = logs.get();
        Set<String> modes = ConcurrentHashMap.newKeySet();
        Thread spy = new Thread(() -> { // the file exists only while the run waits: look at its mode then
            while (!Thread.currentThread().isInterrupted()) {
                for (Path p : logs.get()) {
                    if (!before.contains(p)) {
                        try {
                            modes.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                        } catch (IOException gone) {
                            // deleted meanwhile
                        }
                    }
                }
                Thread.onSpinWait();
            }
        });
        spy.start();
        CliRun r;
        try {
            r = run("sandbox-workspace", "Plan and apply", "--approve", "wait", "--timeout", "2s");
        } finally {
            spy.interrupt();
            spy.join();
        }
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        Set<Path> left = logs.get();
        left.removeAll(before);
        assertEquals(Set.of(), left, "no temporary log is left behind");
        assertTrue(!modes.isEmpty() && modes.stream().allMatch("rw-------"::equals), "modes seen: " + modes);
    }

    /**
     * Issue 20, item 7e: the timeout line said "its last status was pending" and, in the same line, the cancel
     * "(it was waitingApproval)". Polled rarely, the job goes on to waitingApproval unseen before the timeout (the
     * line said "the last status seen was running. Cancelled Terrakube job 1, whose status was waitingApproval"); it
     * names one status now, the one the job had when it was cancelled.
     */
    @Test
    void aTimeoutLineNamesOneStatusTheOneTheCancelFound() {
        List<String> args = new ArrayList<>(List.of("job", "run", "--system", "terrakube", "--organization", "sandbox-org",
                "--workspace", "sandbox-workspace", "--template", "Plan and apply", "--out", dir.toString(),
                "--poll-min", "30s", "--poll-max", "30s", "--approve", "wait", "--timeout", "3s"));
        CliRun r = CliRun.of(env(), args.toArray(String[]::new));
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        String line = r.err().strip();
        assertTrue(line.startsWith("error: ") && line.lines().count() == 1, r.toString());
        assertTrue(line.contains("waitingApproval"), "the status the job had when cancelled: " + r);
        List<String> named = Stream.of("pending", "queue", "waitingApproval", "completed", "failed") // "running" is also a word of the cancel line
                .filter(status -> Pattern.compile("\\b" + status + "\\b").matcher(line).find()).toList();
        assertEquals(List.of("waitingApproval"), named, "one status, not an older one beside it: " + r);
        assertTrue(line.contains("Cancelled Terrakube job 1"), r.toString());
    }

    @Test
    void aTokenTheServerCannotReadIsAnAuthenticationError() {
        CliRun r = CliRun.of(Map.of("IACJOBS_TERRAKUBE_URL", sandbox.baseUrl(), "IACJOBS_TERRAKUBE_TOKEN", "not-a-terrakube-token"),
                "job", "run", "--system", "terrakube", "--organization", "sandbox-org", "--workspace", "staging", "--template", "Plan",
                "--out", dir.toString());
        assertEquals(ExitCodes.AUTHENTICATION, r.exit(), r.toString());
        assertTrue(r.err().contains("likely a token or permission problem"), r.toString());
    }

    @Test
    void parametersAreRefusedForTerrakubeNotIgnored() {
        CliRun r = run("staging", "Plan", "-p", "region=eu");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: -p: Terrakube takes no parameters per job"), r.toString());
        assertEquals(0, sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
    }

    @Test
    void aFlagWinsOverTheEnvironmentAndTheSubmitOnlyHintWorksWhenPasted() {
        Map<String, String> env = Map.of("IACJOBS_TERRAKUBE_URL", "http://127.0.0.1:9", "IACJOBS_TERRAKUBE_TOKEN", sandbox.terrakube().token());
        CliRun r = CliRun.of(env, "job", "run", "--system", "terrakube", "--base-url", sandbox.baseUrl(), "--organization", "sandbox-org",
                "--workspace", "staging", "--template", "Plan", "--submit-only", "--out", dir.toString());
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        Matcher m = Pattern.compile("wait for it with `iacjobs (job wait [^`]+)`").matcher(r.out());
        assertTrue(m.find(), r.toString());
        assertTrue(m.group(1).contains("--system terrakube") && m.group(1).contains("--organization sandbox-org"), m.group(1));
        CliRun waited = CliRun.of(env, m.group(1).split(" "));
        assertEquals(ExitCodes.SUCCESS, waited.exit(), waited.toString());
        assertTrue(waited.out().contains("Done: Terrakube job"), waited.toString());
    }

    private CliRun prompted(String answers, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = IacJobsCommand.run(env(), new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)),
                terminal, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] promptArgs() {
        return new String[] {"job", "run", "--system", "terrakube", "--organization", "sandbox-org", "--workspace", "staging",
            "--template", "Plan and apply", "--approve", "prompt", "--out", dir.toString(), "--poll-min", "50ms", "--poll-max", "100ms"};
    }

    @Test
    void thePromptShowsThePlanAndYesApprovesOnce() throws Exception {
        CliRun r = prompted("y\n", true, promptArgs());
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        int plan = r.out().indexOf("Plan: 40 to add, 0 to change, 0 to destroy.\n  + null_resource.sandbox[0]");
        int question = r.out().indexOf("Approve Terrakube job 1? [y/N] ");
        assertTrue(plan > 0 && question > plan, r.out());
        assertEquals(1, sandbox.counters().get(TerrakubeSandbox.APPROVALS));
        assertTrue(Files.readString(dir.resolve("iac-jobs/1/summary.md")).contains("| Approval | Approved by "), r.out());
    }

    @Test
    void anythingButYesRejectsAndFails() {
        CliRun r = prompted("\n", true, promptArgs());
        assertEquals(ExitCodes.JOB_FAILED, r.exit(), r.toString());
        assertEquals(1, sandbox.counters().get(TerrakubeSandbox.REJECTIONS));
        assertEquals(0, sandbox.counters().get(TerrakubeSandbox.APPROVALS));
    }

    @Test
    void withoutATerminalThePromptIsAUsageErrorNamingTheAlternatives() {
        CliRun r = prompted("y\n", false, promptArgs());
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("use --approve auto") && r.err().contains("--approve never"), r.toString());
        assertEquals(0, sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
    }

    @Test
    void aFailedStepExitsOneNamingTheStep() {
        CliRun r = run("broken-plan", "Plan");
        assertEquals(ExitCodes.JOB_FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("Terrakube job 1 ended failed: step 100 'Plan' failed"), r.toString());
        assertTrue(r.out().contains("Error: sandbox failure in terraformPlan"), r.out());
    }

    @Test
    void aRejectedJobExitsOne() throws Exception {
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> run("sandbox-workspace", "Plan and apply", "--approve", "wait"));
        while (!sandbox.terrakube().jobStatus("1").map("waitingApproval"::equals).orElse(false)) {
            Thread.sleep(20);
        }
        String patch = "{\"data\":{\"type\":\"job\",\"id\":\"1\",\"attributes\":{\"status\":\"rejected\"}}}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/api/v1/organization/" + sandbox.terrakube().organizationId() + "/job/1"))
                .header("Authorization", "Bearer " + sandbox.terrakube().token())
                .header("Content-Type", "application/vnd.api+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode());

        CliRun r = running.get();
        assertEquals(ExitCodes.JOB_FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("ended rejected: the job was rejected at its approval step"), r.toString());
    }

    @Test
    void approveNeverStopsAtWaitingApprovalAndExitsZero() {
        CliRun r = run("sandbox-workspace", "Plan and apply", "--approve", "never");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        assertTrue(r.out().contains("Terrakube job 1: waitingApproval — Job 1 is waiting for approval by team TERRAFORM_CLI"), r.out());
        assertEquals(0, sandbox.counters().get(TerrakubeSandbox.APPROVALS));
    }

    @Test
    void aMissingTokenIsAUsageErrorThatSaysWhatToSet() {
        CliRun r = CliRun.of(Map.of("IACJOBS_TERRAKUBE_URL", sandbox.baseUrl()), "job", "run", "--system", "terrakube",
                "--organization", "sandbox-org", "--workspace", "sandbox-workspace", "--template", "Plan");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("IACJOBS_TERRAKUBE_TOKEN: is not set"), r.toString());
    }

    @Test
    void theTerrakubeDemoRunsAPlanOnlyJob() throws Exception {
        CliRun r = CliRun.of(Map.of(), "demo", "--system", "terrakube", "--time-scale", "0.1", "--out", dir.toString());
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        assertTrue(r.out().contains("--- Step 100 'Plan' ---") && r.out().contains("Plan: 40 to add"), r.out());
        assertTrue(r.out().contains("(plan only)"), r.out());
        assertTrue(Files.exists(dir.resolve("iac-jobs/1/plan.json")));
    }
}
