package io.jenkins.plugins.iacjobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.iacjobs.actions.BackupReportAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.AvePointSandbox;
import io.jenkins.plugins.iacjobs.steps.IacBackupReportBuilder;
import io.jenkins.plugins.iacjobs.steps.IacBackupReportStep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code iacBackupReport} and its freestyle builder against the sandbox's AvePoint stand-in (a generated tenant). */
@WithJenkins
class IacBackupReportStepTest {

    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final List<String> FILES = List.of("backup-report/jobs.json", "backup-report/jobs.csv",
            "backup-report/junit.xml", "backup-report/summary.md");

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(1);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private WorkflowJob pipeline(JenkinsRule r, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true)); // sandboxed: the result must need no approval
        return p;
    }

    private long sandboxCount(BackupReportAction a, int type) {
        return sandbox.avepoint().count(type, Instant.parse(a.getWindowStart()), Instant.parse(a.getWindowFinish()), null, null);
    }

    @Test
    void outsideNodeArchivesSummarisesAndReturnsCounts(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, """
                def report = iacBackupReport connection: 'avepoint', type: 'backup', since: '3d', failOn: 'never'
                echo "total=${report.total} failed=${report.failed} verdict=${report.verdict} files=${report.files.size()}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        BackupReportAction a = b.getAction(BackupReportAction.class);
        assertNotNull(a, "summary action");
        assertEquals("PASSED", a.getVerdict());
        assertTrue(a.getTotal() > 0);
        assertEquals(sandboxCount(a, 1), a.getTotal(), "every job of the window, nothing lost or repeated");
        r.assertLogContains("total=" + a.getTotal() + " ", b);
        r.assertLogContains("verdict=PASSED files=4", b);
        for (String f : FILES) {
            assertTrue(b.getArtifactManager().root().child(f).isFile(), f + " archived");
        }
        r.createWebClient().getPage(b); // summary.jelly renders
    }

    @Test
    void failOnFailedFailsTheBuildWithTheVerdictAfterArchiving(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacBackupReport connection: 'avepoint', since: '7d', failOn: 'failed'");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("AvePoint backup report FAILED (failOn: failed)", b);
        r.assertLogNotContains("\tat ", b);
        assertEquals("FAILED", b.getAction(BackupReportAction.class).getVerdict());
        for (String f : FILES) {
            assertTrue(b.getArtifactManager().root().child(f).isFile(), f + " archived before failing");
        }
    }

    @Test
    void staleGateCatchesTheOrganisationWhoseBackupsStopped(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        String stale = sandbox.avepoint().tenant().staleOrganisation().name();
        WorkflowJob p = pipeline(r, "iacBackupReport connection: 'avepoint', type: 'backup', since: '7d', failOn: 'stale', maxAge: '26h'");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("failOn: stale", b);
        r.assertLogContains(stale, b);
    }

    @Test
    void certificateCredentialSignsTheAssertion(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, """
                def report = iacBackupReport connection: 'avepoint', credentialsId: 'avepoint-certificate', since: '1d', failOn: 'never'
                echo "total=${report.total}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        assertNotNull(b.getAction(BackupReportAction.class));
        assertTrue(sandbox.counters().get(AvePointSandbox.TOKEN_REQUESTS) >= 1);
    }

    @Test
    void legacyApiReadsTheSameJobs(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacBackupReport connection: 'avepoint-legacy', type: 'backup', since: '2d', failOn: 'never'");
        WorkflowRun b = r.buildAndAssertSuccess(p);
        BackupReportAction a = b.getAction(BackupReportAction.class);
        assertEquals(sandboxCount(a, 1), a.getTotal());
        assertTrue(sandbox.counters().get(AvePointSandbox.LEGACY_REQUESTS) >= 1);
        assertEquals(0, sandbox.counters().get(AvePointSandbox.JOBS_REQUESTS));
    }

    @Test
    void badOptionsAreRefusedBeforeSigningIn(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacBackupReport connection: 'avepoint', since: '1d', startTime: '2025-01-31'");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("since: give either since or startTime/finishTime, not both", b);
        assertEquals(0, sandbox.counters().get(AvePointSandbox.TOKEN_REQUESTS));
        p.setDefinition(new CpsFlowDefinition("iacBackupReport connection: 'terrakube'", true));
        b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("is not an AvePoint connection", b);
    }

    /**
     * The JUnit plugin reads the produced junit.xml: one case per job and one for the gate, and failures as the gate
     * the user chose counts them, so the test report never judges the build against another gate.
     */
    @Test
    void junitStepParsesTheReportAndFollowsTheGate(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        r.jenkins.setNumExecutors(1);
        WorkflowJob p = pipeline(r, """
                node {
                    def report = iacBackupReport connection: 'avepoint', since: '2d', failOn: 'never'
                    def t = junit 'backup-report/junit.xml'
                    echo "junit total=${t.totalCount} failed=${t.failCount} skipped=${t.skipCount}"
                    echo "report total=${report.total} finished=${report.finished} failed=${report.failed} fwe=${report.finishedWithException}"
                }
                """);
        WorkflowRun b = r.assertBuildStatus(Result.SUCCESS, p.scheduleBuild2(0)); // failOn never: no job is judged
        String log = JenkinsRule.getLog(b);
        Matcher j = Pattern.compile("junit total=(\\d+) failed=(\\d+) skipped=(\\d+)").matcher(log);
        Matcher rep = Pattern.compile("report total=(\\d+) finished=(\\d+) failed=(\\d+) fwe=(\\d+)").matcher(log);
        assertTrue(j.find() && rep.find(), log);
        long total = Long.parseLong(rep.group(1));
        long finished = Long.parseLong(rep.group(2));
        long unsuccessful = Long.parseLong(rep.group(3)) + Long.parseLong(rep.group(4));
        assertTrue(unsuccessful > 0, "the sandbox tenant has unsuccessful jobs in two days: " + log);
        assertEquals(total + 1, Long.parseLong(j.group(1)), "one test case per job, and the gate's");
        assertEquals(0, Long.parseLong(j.group(2)), "failOn never: the unsuccessful jobs are reported, not failed");
        assertEquals(total - finished - unsuccessful, Long.parseLong(j.group(3)), "in-progress jobs are skipped");
        TestResultAction tra = b.getAction(TestResultAction.class);
        assertNotNull(tra);
        assertEquals(total + 1, tra.getTotalCount());
    }

    @Test
    void freestyleBuilderLeavesTheFilesInTheWorkspaceForJunit(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        FreeStyleProject p = r.createFreeStyleProject();
        IacBackupReportBuilder builder = new IacBackupReportBuilder();
        builder.setConnection(SandboxFixture.AVEPOINT);
        builder.setType("backup");
        builder.setSince("1d");
        builder.setFailOn("never");
        p.getBuildersList().add(builder);
        FreeStyleBuild b = r.buildAndAssertSuccess(p);
        assertNotNull(b.getAction(BackupReportAction.class));
        FilePath ws = b.getWorkspace();
        assertNotNull(ws);
        assertTrue(ws.child("backup-report/junit.xml").exists());
        for (String f : FILES) {
            assertTrue(b.getArtifactManager().root().child(f).isFile(), f);
        }
    }

    @Test
    void secretNeverInLogOrBuildFiles(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacBackupReport connection: 'avepoint', since: '1d', failOn: 'never'");
        WorkflowRun b = r.buildAndAssertSuccess(p);
        String secret = sandbox.avepoint().clientSecret();
        r.assertLogNotContains(secret, b);
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertThat(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), not(containsString(secret)));
            }
        }
        assertFalse(JenkinsRule.getLog(b).contains(SandboxFixture.CERTIFICATE_PASSWORD));
    }

    @Test
    void snippetGeneratorAndConfigRoundTrips(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        IacBackupReportStep step = new IacBackupReportStep();
        step.setConnection(SandboxFixture.AVEPOINT);
        step.setType("backup");
        step.setSince("7d");
        step.setFailOn("stale");
        step.setMaxAge("26h");
        new SnippetizerTester(r).assertRoundTrip(step,
                "iacBackupReport connection: 'avepoint', failOn: 'stale', maxAge: '26h', since: '7d', type: 'backup'");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
        IacBackupReportBuilder builder = new IacBackupReportBuilder();
        builder.setConnection(SandboxFixture.AVEPOINT);
        builder.setStartTime("2025-01-01");
        builder.setFinishTime("2025-01-02");
        builder.setStatus("failed");
        builder.setOrganization("Contoso");
        builder.setFailOn("unsuccessful");
        r.assertEqualDataBoundBeans(builder, r.configRoundtrip(builder));
    }
}
