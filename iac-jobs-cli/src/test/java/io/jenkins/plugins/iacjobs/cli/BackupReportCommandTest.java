package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.JobFilter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iacjobs backup-report} and {@code iacjobs demo --system avepoint} against a sandbox on loopback. */
class BackupReportCommandTest {
    private static Sandbox sandbox;

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private int run(Map<String, String> env, String... args) {
        return IacJobsCommand.run(env, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), args);
    }

    private Map<String, String> secretEnv() {
        return SandboxEnv.avepoint(sandbox);
    }

    private List<String> args(String... more) {
        List<String> a = new ArrayList<>(List.of("backup-report", "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void tenThousandJobWindowRowCountsMatchTheSandbox() throws Exception {
        Instant before = Instant.now();
        int exit = run(secretEnv(), args("--since", "25d", "--fail-on", "never", "--output", "json").toArray(String[]::new));
        Instant after = Instant.now();
        assertEquals(0, exit, stderr.toString());
        var json = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        Instant start = Instant.parse(json.get("windowStart").asText());
        Instant finish = Instant.parse(json.get("windowFinish").asText());
        assertTrue(!finish.isBefore(before.minusSeconds(1)) && !finish.isAfter(after));
        long expected = sandbox.avepoint().matching(new JobFilter(0, start, finish, null, null)).size();
        assertTrue(expected >= 9_900, "about 10,000 jobs: " + expected);
        assertEquals(expected, json.get("total").asLong());
        for (String f : new String[] {"jobs.json", "jobs.csv", "junit.xml", "summary.md"}) {
            assertTrue(Files.size(out.resolve("backup-report").resolve(f)) > 0, f);
        }
        String csv = Files.readString(out.resolve("backup-report/jobs.csv"));
        assertEquals(expected + 1, csv.split("\r\n").length, "header plus one line per job");
        assertFalse(stdout.toString().contains(sandbox.avepoint().clientSecret()));
    }

    @Test
    void exitCodeFollowsTheGateAndTheTableNamesEachOrganisation() {
        int exit = run(secretEnv(), args("--since", "2d", "--fail-on", "unsuccessful").toArray(String[]::new));
        assertEquals(ExitCodes.JOB_FAILED, exit, stderr.toString());
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FAILED (--fail-on unsuccessful)"), text);
        sandbox.avepoint().tenant().organisations().forEach(o -> assertTrue(text.contains(o.name()), o.name()));
        assertEquals(0, run(secretEnv(), args("--since", "2d", "--status", "finished", "--fail-on", "unsuccessful").toArray(String[]::new)));
        assertEquals(ExitCodes.JOB_FAILED, run(secretEnv(), args("--since", "5d", "--type", "backup", "--fail-on", "stale", "--max-age", "48h")
                .toArray(String[]::new)));
    }

    @Test
    void aMisspeltOrganisationIsAnErrorNamingTheRealOnesNotAGreenGate() {
        int exit = run(secretEnv(), args("--since", "2d", "--organization", "contoso-prd").toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, exit, stdout + "\n" + stderr);
        List<String> errors = stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), stderr.toString());
        assertTrue(errors.get(0).startsWith("error: --organization: \"contoso-prd\" matches no organisation")
                && errors.get(0).contains("contoso-prod"), errors.get(0));
    }

    @Test
    void anOrganisationIdWithNoJobFailsTheGate() {
        int exit = run(secretEnv(), args("--since", "2d", "--organization", "00000000-0000-0000-0000-000000000000").toArray(String[]::new));
        assertEquals(ExitCodes.JOB_FAILED, exit, stdout + "\n" + stderr);
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("no job at all for organisation"), stdout.toString());
    }

    @Test
    void aCutListSaysSoAndWhereTheRestIs() throws Exception {
        assertEquals(ExitCodes.JOB_FAILED, run(secretEnv(), args("--since", "25d", "--fail-on", "failed").toArray(String[]::new)));
        String summary = Files.readString(out.resolve("backup-report/summary.md"));
        assertTrue(summary.matches("(?s).*… and \\d+ more, 16 of \\d+ shown; jobs.csv lists every job.*"), summary);
    }

    @Test
    void certificateFromAPkcs12File() throws Exception {
        Path p12 = out.resolve("app.p12");
        sandbox.avepoint().certificate().writePkcs12(p12, "changeit".toCharArray());
        Map<String, String> env = Map.of(AvePointOptions.ENV_CLIENT_ID, sandbox.avepoint().clientId(),
                AvePointOptions.CERTIFICATE_PASSWORD_VARIABLE, "changeit");
        int exit = run(env, args("--identity", sandbox.baseUrl() + "/connect/token", "--data-centre", sandbox.baseUrl(),
                "--certificate", p12.toString(), "--since", "6h", "--organization", sandbox.avepoint().tenant().organisations().get(1).id(),
                "--fail-on", "never").toArray(String[]::new));
        assertEquals(0, exit, stderr.toString());
        assertFalse(stdout.toString().contains("changeit"));
    }

    @Test
    void missingSettingsAreUsageErrorsNamingTheFix() {
        assertEquals(ExitCodes.USAGE, run(Map.of(), "backup-report", "--out", out.toString()));
        assertTrue(stderr.toString().contains("--data-centre"), stderr.toString());
        assertEquals(ExitCodes.USAGE, run(secretEnv(), args("--since", "1d", "--fail-on", "sometimes").toArray(String[]::new)));
    }

    @Test
    void wrongSecretIsAnErrorWithoutTheSecret() {
        Map<String, String> env = new HashMap<>(secretEnv());
        env.put(AvePointOptions.SECRET_VARIABLE, "sbx-not-the-right-one-42");
        int exit = run(env, args("--since", "1h").toArray(String[]::new));
        assertEquals(ExitCodes.AUTHENTICATION, exit);
        assertTrue(stderr.toString().contains("invalid_client"), stderr.toString());
        assertFalse((stdout.toString() + stderr).contains("sbx-not-the-right-one-42"));
    }

    @Test
    void demoWritesTheFourFiles() throws Exception {
        assertEquals(0, run(Map.of(), "demo", "--system", "avepoint", "--out", out.toString()), stderr.toString());
        for (String f : new String[] {"jobs.json", "jobs.csv", "junit.xml", "summary.md"}) {
            assertTrue(Files.exists(out.resolve("backup-report").resolve(f)), f);
        }
    }
}
