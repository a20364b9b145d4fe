package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.SandboxCounters;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI's documented contract (docs/cli.md), run through {@link IacJobsCommand} with real arguments against the sandbox. */
class CliContractTest {
    private static final Pattern ID = Pattern.compile("job ([0-9a-f-]{36}|[0-9]+)");
    private static final Pattern SUBMITTED = Pattern.compile("Submitted \\S+(?: \\S+)? job (\\S+);");

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

    private Map<String, String> genesysEnv() {
        return SandboxEnv.genesys(sandbox);
    }

    private Map<String, String> terrakubeEnv() {
        return SandboxEnv.terrakube(sandbox);
    }

    private static String[] args(String... a) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of("--poll-min", "50ms", "--poll-max", "100ms"));
        return all.toArray(String[]::new);
    }

    private long creates() {
        SandboxCounters c = sandbox.counters();
        return c.submitRequests() + c.jobsCreated() + c.get(TerrakubeSandbox.JOBS_CREATED);
    }

    private static String submittedId(CliRun r) {
        Matcher m = SUBMITTED.matcher(r.out());
        assertTrue(m.find(), r.toString());
        return m.group(1);
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p);
    }

    private static void oneErrorLine(CliRun r, String startsWith) {
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.toString());
        assertTrue(r.err().startsWith("error: " + startsWith), r.toString());
        assertFalse(r.all().contains("\tat "), r.toString());
    }

    // 1. job wait keeps what was submitted: plan only, target and parameters.
    @Test
    void jobWaitOfAPlanOnlyGenesysJobRecordsItAsPlanOnlyWithItsTargetAndParameters() throws Exception {
        CliRun submitted = CliRun.of(genesysEnv(), args("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Support",
                "--plan-only", "--submit-only", "--out", dir.toString()));
        assertEquals(ExitCodes.SUCCESS, submitted.exit(), submitted.toString());
        String id = submittedId(submitted);
        CliRun waited = CliRun.of(genesysEnv(), args("job", "wait", id, "--out", dir.toString(), "--output", "json"));
        assertEquals(ExitCodes.SUCCESS, waited.exit(), waited.toString());
        JsonNode json = new ObjectMapper().readTree(waited.out());
        assertTrue(json.get("planOnly").asBoolean(), waited.toString());
        String summary = read(dir.resolve("iac-jobs").resolve(id).resolve("summary.md"));
        assertTrue(summary.contains("| Mode | plan only (no changes made) |"), summary);
        assertTrue(summary.contains("| Target | Simple IVR ("), summary);
        assertTrue(summary.contains("| queue_name | Support |"), summary);
        CliRun text = CliRun.of(genesysEnv(), args("job", "wait", id, "--out", dir.resolve("elsewhere").toString()));
        assertEquals(ExitCodes.SUCCESS, text.exit(), text.toString());
        assertTrue(text.out().contains(" (plan only)"), "without the record, the remote says it is a dry run: " + text);
        assertTrue(read(dir.resolve("elsewhere/iac-jobs").resolve(id).resolve("summary.md")).contains("plan only"));
    }

    @Test
    void jobWaitOfAPlanOnlyTerrakubeJobRecordsItAsPlanOnly() throws Exception {
        CliRun submitted = CliRun.of(terrakubeEnv(), args("job", "run", "--system", "terrakube", "--workspace", "sandbox-workspace",
                "--plan-only", "--submit-only", "--out", dir.toString()));
        assertEquals(ExitCodes.SUCCESS, submitted.exit(), submitted.toString());
        String id = submittedId(submitted);
        for (Path out : List.of(dir, dir.resolve("elsewhere"))) {
            CliRun waited = CliRun.of(terrakubeEnv(), args("job", "wait", id, "--system", "terrakube", "--out", out.toString(),
                    "--output", "json"));
            assertEquals(ExitCodes.SUCCESS, waited.exit(), waited.toString());
            assertTrue(new ObjectMapper().readTree(waited.out()).get("planOnly").asBoolean(), waited.toString());
            assertTrue(read(out.resolve("iac-jobs").resolve(id).resolve("summary.md")).contains("| Mode | plan only"), out.toString());
        }
    }

    // 2. junit.xml follows the gate.
    @ParameterizedTest
    @CsvSource({"never,false", "failed,true", "unsuccessful,true"})
    void theJunitFileFollowsTheGate(String gate, boolean failing) throws Exception {
        Map<String, String> env = SandboxEnv.avepoint(sandbox);
        CliRun r = CliRun.of(env, "backup-report", "--since", "7d", "--fail-on", gate, "--out", dir.toString());
        assertEquals(failing ? ExitCodes.JOB_FAILED : ExitCodes.SUCCESS, r.exit(), r.toString());
        String junit = read(dir.resolve("backup-report/junit.xml"));
        Matcher failures = Pattern.compile("<testsuites [^>]*failures=\"(\\d+)\"").matcher(junit);
        assertTrue(failures.find(), junit.substring(0, 400));
        assertEquals(failing, Long.parseLong(failures.group(1)) > 0, gate + ": " + failures.group());
        assertTrue(junit.contains("<testcase classname=\"gate\" name=\"failOn " + gate + "\""), "the gate is a test case of its own");
        if (gate.equals("failed")) {
            assertFalse(junit.contains("<failure type=\"finished-with-exception\""), "failOn failed does not judge exceptions");
        }
        assertFalse(r.out().contains("failOn is never"), "the verdict says its reason once: " + r.out());
    }

    // 3. Two jobs with the same id never share a folder.
    @Test
    void aTerrakubeJobWhoseIdAnEarlierServerUsedGetsAFolderOfItsOwn() throws Exception {
        CliRun first = CliRun.of(Map.of(), "demo", "--system", "terrakube", "--time-scale", "0.05", "--out", dir.toString());
        assertEquals(ExitCodes.SUCCESS, first.exit(), first.toString());
        String firstSummary = read(dir.resolve("iac-jobs/1/summary.md"));
        CliRun second = CliRun.of(Map.of(), "demo", "--system", "terrakube", "--time-scale", "0.05", "--out", dir.toString());
        assertEquals(ExitCodes.SUCCESS, second.exit(), second.toString());
        assertTrue(second.out().contains("iac-jobs/1 holds the files of another job 1"), second.toString());
        assertEquals(firstSummary, read(dir.resolve("iac-jobs/1/summary.md")), "the first run's evidence is untouched");
        assertTrue(Files.exists(dir.resolve("iac-jobs/1-2/summary.md")), second.toString());
        assertTrue(second.out().contains(dir.resolve("iac-jobs/1-2").toAbsolutePath().toString()), second.toString());
    }

    // 4. A timed-out job's summary says so. 15. Times to the second.
    @Test
    void aTimedOutJobsSummarySaysItTimedOutAndStillRunsAndItsTimesAreToTheSecond() throws Exception {
        sandbox.close();
        sandbox = Sandbox.start(SandboxConfig.defaults()); // jobs take seconds: longer than the timeout
        CliRun r = CliRun.of(genesysEnv(), args("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--out", dir.toString(),
                "--timeout", "1s"));
        assertEquals(ExitCodes.TIMEOUT, r.exit(), r.toString());
        Matcher m = ID.matcher(r.err());
        assertTrue(m.find(), r.toString());
        String summary = read(dir.resolve("iac-jobs").resolve(m.group(1)).resolve("summary.md"));
        assertTrue(summary.contains("when last seen (the job had not ended)"), summary);
        assertTrue(summary.contains("| Outcome | Timed out") && summary.contains("still running remotely"), summary);
        assertFalse(summary.contains("| Ended |"), summary);
        Matcher times = Pattern.compile("\\| (Started|Stopped waiting) \\| (\\S+) \\|").matcher(summary);
        int seen = 0;
        while (times.find()) {
            seen++;
            assertTrue(times.group(2).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), times.group());
        }
        assertEquals(2, seen, summary);
    }

    // 5. A cut list says how much it shows of how many.
    @Test
    void theBackupSummaryCutsItsFailedJobTableAsFirstNOfM() throws Exception {
        CliRun r = CliRun.of(Map.of(), "demo", "--system", "avepoint", "--out", dir.toString());
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        String summary = read(dir.resolve("backup-report/summary.md"));
        assertTrue(Pattern.compile("## Failed and finished-with-exception jobs \\(first 20 of \\d+; all are in jobs.csv\\)")
                .matcher(summary).find(), summary);
        assertFalse(Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d+Z").matcher(r.out()).find(), "14. the console's times are to the second: " + r);
        Matcher newest = Pattern.compile("\\| (\\d{4}-[^ |]+) \\|\\n").matcher(summary);
        while (newest.find()) { // 14. one form of time in the newest-backup column
            assertTrue(newest.group(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), newest.group(1));
        }
    }

    // 6. A flag wins over the environment; two flags that say the same thing are an error.
    @Test
    void aBaseUrlFlagWinsOverARegionInTheEnvironment() {
        Map<String, String> env = new HashMap<>(genesysEnv());
        env.remove("IACJOBS_BASE_URL");
        env.put("IACJOBS_REGION", "us_east_1");
        CliRun r = CliRun.of(env, "accelerators", "list", "--base-url", sandbox.baseUrl());
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        assertTrue(r.out().contains("Simple IVR"), r.toString());
    }

    @Test
    void aRegionAndABaseUrlTogetherAreAnError() {
        CliRun r = CliRun.of(genesysEnv(), "accelerators", "list", "--region", "eu-west-1", "--base-url", sandbox.baseUrl());
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r, "--region: 'eu-west-1' and --base-url");
        assertEquals(0, sandbox.counters().totalRequests());
    }

    // 7. An unknown id is the user's input: exit 2.
    @Test
    void jobWaitOfAnUnknownIdExitsTwoOnBothSystems() {
        CliRun genesys = CliRun.of(genesysEnv(), args("job", "wait", "00000000-0000-4000-8000-000000000000", "--out", dir.toString()));
        assertEquals(ExitCodes.USAGE, genesys.exit(), genesys.toString());
        oneErrorLine(genesys, "JOB_ID: Genesys Cloud has no job '00000000-0000-4000-8000-000000000000' (HTTP 404");
        CliRun terrakube = CliRun.of(terrakubeEnv(), args("job", "wait", "999", "--system", "terrakube", "--out", dir.toString()));
        assertEquals(ExitCodes.USAGE, terrakube.exit(), terrakube.toString());
        oneErrorLine(terrakube, "JOB_ID: Terrakube has no job '999' (HTTP 404");
        assertFalse(Files.exists(dir.resolve("iac-jobs/999")), "no folder for a job that does not exist");
    }

    // 8. Wrong, duplicated or inapplicable input: one error line, exit 2, nothing created.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "genesys|-p queue_name=|-p: required parameter 'queue_name' is empty",
        "genesys|-p queue_name=A -p queue_name=B|-p: 'queue_name' is given twice",
        "genesys|-p queue_name=A --workspace sandbox-workspace|--workspace: is a Terrakube option",
        "genesys|-p queue_name=A --approve auto|--approve: is a Terrakube option",
        "terrakube|--workspace sandbox-workspace --template Plan --accelerator Destroy|--template: 'Plan' and --accelerator 'Destroy'",
        "terrakube|--workspace sandbox-workspace --template Plan --region us_east_1|--region: is a Genesys Cloud option",
        "terrakube|--workspace sandbox-workspace --template Plan --client-id x|--client-id: is a Genesys Cloud option",
    })
    void wrongDuplicatedOrInapplicableInputCreatesNothing(String system, String extra, String error) {
        List<String> a = new ArrayList<>(List.of("job", "run", "--out", dir.toString()));
        Map<String, String> env = genesysEnv();
        if (system.equals("terrakube")) {
            a.addAll(List.of("--system", "terrakube"));
            env = terrakubeEnv();
        } else {
            a.addAll(List.of("--accelerator", "Simple IVR"));
        }
        a.addAll(List.of(extra.split(" ")));
        CliRun r = CliRun.of(env, a.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r, error);
        assertEquals(0, creates(), "nothing was created: " + sandbox.counters().snapshot());
    }

    // 9. An organisation typo gets the closest name, quoted, and leaves nothing behind.
    @Test
    void anOrganisationTypoNamesTheClosestOneQuotedAndLeavesNoFolder() {
        Map<String, String> env = SandboxEnv.avepoint(sandbox);
        CliRun r = CliRun.of(env, "backup-report", "--since", "7d", "--organization", "Northwind, EMEA", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("--organization: \"Northwind, EMEA\" matches no organisation with jobs in the window;"
                + " did you mean \"Northwind, \\\"EMEA\\\"\"?"), r.toString());
        assertTrue(r.err().contains("\"contoso-prod\""), r.toString());
        assertFalse(r.all().contains("Read 0 jobs"), r.toString());
        assertFalse(Files.exists(dir.resolve("backup-report")), "no empty report folder is left");
    }

    // 10. Hints start the way the tool was started.
    @Test
    void hintsStartTheWayTheToolWasStarted() {
        Map<String, String> env = new HashMap<>(genesysEnv());
        env.put(CliContext.ENV_PROG, "./iacjobs");
        CliRun r = CliRun.of(env, args("job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--submit-only",
                "--out", dir.toString()));
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        assertTrue(r.out().contains("`./iacjobs job wait "), r.toString());
        CliRun bare = CliRun.of(genesysEnv(), "job", "run", "--planonly");
        assertTrue(bare.err().contains("(see: iacjobs job run --help)"), "run from classes, not a jar: the installed name " + bare);
    }

    // 11. Secrets as flags, typos of flags, and the step's field names.
    @Test
    void aSecretFlagPointsToItsVariable() {
        CliRun r = CliRun.of(genesysEnv(), "accelerators", "list", "--client-secret", "abc");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r, "--client-secret: secrets are never flags");
        assertTrue(r.err().contains("export IACJOBS_CLIENT_SECRET"), r.toString());
        assertFalse(r.all().contains("abc"), "the value is not echoed: " + r);
    }

    @Test
    void aMistypedFlagGetsTheFlagItResembles() {
        CliRun r = CliRun.of(genesysEnv(), "job", "run", "--accelerator", "Simple IVR", "--planonly");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r, "Unknown option: '--planonly'");
        assertTrue(r.err().contains("did you mean --plan-only?"), r.toString());
        assertEquals(0, creates());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--since 1d --start-time 2026-01-01|--since: give either --since or --start-time/--finish-time, not both",
        "--max-age 2h|--max-age: only applies with --fail-on stale",
        "--finish-time 2026-01-01|--finish-time: needs a --start-time; for a window ending now use --since",
    })
    void backupReportMessagesNameTheFlags(String given, String error) {
        List<String> a = new ArrayList<>(List.of("backup-report", "--data-centre", sandbox.baseUrl(), "--out", dir.toString()));
        a.addAll(List.of(given.split(" ")));
        CliRun r = CliRun.of(Map.of(), a.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        oneErrorLine(r, error);
    }

    // 15. Terrakube's job.json is indented like Genesys'.
    @Test
    void terrakubeJobJsonIsIndented() throws Exception {
        CliRun r = CliRun.of(Map.of(), "demo", "--system", "terrakube", "--time-scale", "0.05", "--out", dir.toString());
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.toString());
        String json = read(dir.resolve("iac-jobs/1/job.json"));
        assertTrue(json.lines().count() > 10 && json.contains("\n  \""), json.substring(0, Math.min(200, json.length())));
        // 5. The sandbox's plan has 40 resources: the console and summary.md say how many of them they show.
        assertTrue(r.out().contains("(the first 20 of 40 resources; all are in "), r.toString());
        assertTrue(read(dir.resolve("iac-jobs/1/summary.md")).contains("Above are the first 20 of 40 resources"), r.toString());
    }
}
