package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user of {@code iacjobs} sees: output, files and exit codes, against a sandbox on loopback. */
class CliTest {
    @TempDir
    Path dir;

    private static Map<String, String> env(Sandbox s) {
        return SandboxEnv.genesys(s);
    }

    private static void assertNoStackTrace(CliRun r) {
        assertFalse(r.all().contains("\tat ") || r.all().contains("Exception:") || r.all().contains("Caused by"), r.toString());
    }

    @Test
    void theDemoRunsAPlanOnlyJobShowingEachStatusOnceAndLeavesItsFiles() throws Exception {
        CliRun r = CliRun.of(Map.of(), "demo", "--out", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        Matcher m = Pattern.compile("Genesys Cloud job ([0-9a-f-]{36}): (\\w+)").matcher(r.out());
        List<String> statuses = new ArrayList<>();
        String jobId = null;
        while (m.find()) {
            jobId = m.group(1);
            statuses.add(m.group(2));
        }
        assertEquals(statuses.stream().distinct().toList(), statuses, "each transition once: " + r.out());
        assertEquals("Created", statuses.get(0));
        assertEquals("Complete", statuses.get(statuses.size() - 1));
        Path job = dir.resolve("iac-jobs").resolve(jobId);
        assertTrue(Files.exists(job.resolve("job.json")) && Files.exists(job.resolve("plan.json")) && Files.exists(job.resolve("summary.md")), r.out());
        assertTrue(r.out().contains("flow_api_secret=********"), r.out());
        assertTrue(r.out().lines().findFirst().orElse("").contains("a local stand-in for the real Genesys Cloud API"), r.out());
        assertFalse(Files.readString(job.resolve("summary.md")).contains("http://127.0.0.1"), "no link to the demo's gone sandbox");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p).matches("(?s).*flow_api_secret\" : \"demo-.*"), p.toString());
            }
        }
    }

    @Test
    void jobRunUnderEveryFaultSubmitsOnceAndSucceeds() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.1).withFaults(FaultPlan.all()))) {
            CliRun r = CliRun.of(env(s), "job", "run", "--accelerator", "Queue Setup", "-p", "queue_name=Billing", "-p", "routing_method=Bullseye",
                    "--out", dir.toString(), "--poll-min", "50ms");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(1, s.counters().jobsCreated());
            assertEquals(1, s.counters().submissionsFor(AcceleratorCatalogue.QUEUE_SETUP_ID));
            assertFalse(r.all().contains(s.genesysClientSecret()));
            assertTrue(r.out().contains("results.json"), r.out());
        }
    }

    @Test
    void aFailedRemoteJobExitsOneWithTheRemoteMessage() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05))) {
            CliRun r = CliRun.of(env(s), "job", "run", "--accelerator", "Broken Trunk", "--out", dir.toString(), "--poll-min", "50ms");
            assertEquals(ExitCodes.JOB_FAILED, r.exit(), r.toString());
            assertTrue(r.err().contains("ended Failed: " + AcceleratorCatalogue.BROKEN_TRUNK_ERROR), r.toString());
            assertNoStackTrace(r);
        }
    }

    @Test
    void aMissingParameterIsAUsageErrorNamingIt() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05))) {
            CliRun r = CliRun.of(env(s), "job", "run", "--accelerator", "Simple IVR", "-p", "greeting_language=xx", "--out", dir.toString());
            assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
            assertTrue(r.err().startsWith("error: -p: ") && r.err().contains("missing required parameter 'queue_name'")
                    && r.err().contains("'xx' is not one of"), r.toString());
            assertEquals(0, s.counters().submitRequests(), "nothing was submitted");
            assertNoStackTrace(r);
        }
    }

    @Test
    void aWrongAcceleratorIsAUsageErrorWithSuggestions() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            CliRun r = CliRun.of(env(s), "job", "run", "--accelerator", "Simple", "--out", dir.toString());
            assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
            assertTrue(r.err().contains("error: --accelerator: no accelerator has the id or name 'Simple'; did you mean 'Simple IVR'"), r.toString());
        }
    }

    @Test
    void aBadSecretIsAnAuthenticationErrorThatDoesNotEchoIt() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Map<String, String> env = Map.of("IACJOBS_BASE_URL", s.baseUrl(), "IACJOBS_CLIENT_ID", s.genesysClientId(),
                    "IACJOBS_CLIENT_SECRET", "not-the-secret-0987654321");
            CliRun r = CliRun.of(env, "accelerators", "list");
            assertEquals(ExitCodes.AUTHENTICATION, r.exit(), r.toString());
            assertFalse(r.all().contains("not-the-secret-0987654321"));
            assertNoStackTrace(r);
        }
    }

    @Test
    void missingCredentialsNameTheVariable() {
        CliRun r = CliRun.of(Map.of("IACJOBS_REGION", "us_east_1"), "accelerators", "list");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("IACJOBS_CLIENT_ID: is not set"), r.toString());
    }

    @Test
    void anUnreachableHostIsARemoteErrorNamingIt() throws Exception {
        int closed = SandboxEnv.closedPort();
        CliRun r = CliRun.of(Map.of("IACJOBS_CLIENT_ID", "a", "IACJOBS_CLIENT_SECRET", "b"), "accelerators", "list",
                "--base-url", "http://127.0.0.1:" + closed);
        assertEquals(ExitCodes.REMOTE_ERROR, r.exit(), r.toString());
        assertTrue(r.err().contains("could not reach 127.0.0.1:" + closed), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        CliRun r = CliRun.of(Map.of("IACJOBS_CLIENT_ID", "a", "IACJOBS_CLIENT_SECRET", "b"), "accelerators", "list", "--base-url", "http://api.example.com");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("HTTPS is required"), r.toString());
    }

    @Test
    void aTimeoutExitsFourAndSaysTheJobIsStillRunning() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withTimeScale(100))) {
            CliRun r = CliRun.of(env(s), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--timeout", "1s",
                    "--out", dir.toString(), "--poll-min", "50ms");
            assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
            assertTrue(r.err().contains("after 1s (the timeout)") && r.err().contains("still running remotely"), r.toString());
        }
    }

    @Test
    void jsonOutputIsMachineReadable() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05))) {
            CliRun r = CliRun.of(env(s), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--plan-only",
                    "--output", "json", "--out", dir.toString(), "--poll-min", "50ms");
            assertEquals(0, r.exit(), r.toString());
            JsonNode n = new ObjectMapper().readTree(r.out());
            assertEquals("Complete", n.path("status").asText());
            assertTrue(n.path("planOnly").asBoolean());
            assertTrue(Files.exists(Path.of(n.path("artifacts").get(1).asText())));
            assertTrue(r.err().contains(": Complete"), "progress goes to stderr");
        }
    }

    @Test
    void submitOnlyThenWaitFinishesTheSameJob() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05))) {
            CliRun submitted = CliRun.of(env(s), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--submit-only");
            assertEquals(0, submitted.exit(), submitted.toString());
            String id = s.genesys().jobs().get(0).id();
            assertTrue(submitted.out().contains(id));
            CliRun waited = CliRun.of(env(s), "job", "wait", id, "--out", dir.toString(), "--poll-min", "50ms");
            assertEquals(0, waited.exit(), waited.toString());
            assertTrue(Files.exists(dir.resolve("iac-jobs").resolve(id).resolve("summary.md")));
            CliRun status = CliRun.of(env(s), "job", "status", id);
            assertTrue(status.out().startsWith(id + "  Complete"), status.toString());
            assertEquals(1, s.counters().jobsCreated());
        }
    }

    @Test
    void acceleratorsAreListedAndDescribed() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            CliRun list = CliRun.of(env(s), "accelerators", "list");
            assertEquals(0, list.exit(), list.toString());
            assertTrue(list.out().contains("Simple IVR") && list.out().contains("Broken Trunk"), list.out());
            CliRun get = CliRun.of(env(s), "accelerators", "get", "Simple IVR");
            assertTrue(get.out().contains("queue_name  (required)") && get.out().contains("flow_api_secret  (optional) sensitive"), get.out());
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun r = CliRun.of(Map.of(), "job", "run", "--acelerator", "x");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
    }
}
