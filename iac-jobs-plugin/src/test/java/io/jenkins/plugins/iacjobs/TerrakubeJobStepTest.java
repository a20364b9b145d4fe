package io.jenkins.plugins.iacjobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import io.jenkins.plugins.iacjobs.steps.IacJobBuilder;
import io.jenkins.plugins.iacjobs.steps.IacJobStep;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.lang3.StringUtils;
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

/** {@code iacJob} against the sandbox's Terrakube stand-in, started on loopback for each test. */
@WithJenkins
class TerrakubeJobStepTest {

    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final Pattern SUBMITTED = Pattern.compile("Submitted Terrakube job (\\d+)");

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.5);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private WorkflowJob pipeline(JenkinsRule r, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    static String artifact(WorkflowRun b, String path) throws Exception {
        try (InputStream in = b.getArtifactManager().root().child(path).open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String jobId(WorkflowRun b) throws Exception {
        Matcher m = SUBMITTED.matcher(JenkinsRule.getLog(b));
        assertTrue(m.find(), "submitted line in the log");
        return m.group(1);
    }

    @Test
    void planOnlyStreamsStepLogsIntoBuildLogAndLogTxt(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, """
                def job = iacJob connection: 'terrakube', workspace: 'sandbox-workspace', planOnly: true
                echo "id=${job.id} status=${job.status} success=${job.success} planOnly=${job.planOnly}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("status=completed success=true planOnly=true", b);
        IacJobAction action = b.getAction(IacJobAction.class);
        assertNotNull(action);
        String prefix = "iac-jobs/" + action.getJobId() + "/";
        assertThat(action.getArtifacts(), hasItem(prefix + "log.txt"));
        assertThat(action.getArtifacts(), hasItem(prefix + "job.json"));
        String logTxt = artifact(b, prefix + "log.txt");
        String buildLog = JenkinsRule.getLog(b);
        SandboxFixture.assertEachStepLogOnce(logTxt, sandbox.terrakube().stepLogs(action.getJobId()));
        assertThat(buildLog, containsString("to add, 0 to change, 0 to destroy."));
        assertEquals(1, StringUtils.countMatches(buildLog, "to add, 0 to change, 0 to destroy."), "streamed once");
        assertFalse(Files.exists(b.getRootDir().toPath().resolve("iac-jobs-logs").resolve(action.getJobId() + ".log")),
                "the working copy of the log is removed once archived");
        r.createWebClient().getPage(b);
    }

    @Test
    void keepAnsiKeepsEveryStepLogByteForByteBesideThePlainOne(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacJob connection: 'terrakube', workspace: 'sandbox-workspace', planOnly: true, keepAnsi: true");
        WorkflowRun b = r.buildAndAssertSuccess(p);
        IacJobAction action = b.getAction(IacJobAction.class);
        String prefix = "iac-jobs/" + action.getJobId() + "/";
        assertThat(action.getArtifacts(), hasItem(prefix + "log.ansi.txt"));
        List<String> stepLogs = sandbox.terrakube().stepLogs(action.getJobId());
        SandboxFixture.assertEachStepLogOnce(artifact(b, prefix + "log.txt"), stepLogs);
        String coloured = artifact(b, prefix + "log.ansi.txt");
        for (String stepLog : stepLogs) {
            assertEquals(1, StringUtils.countMatches(coloured, stepLog), "each step's log byte for byte, once, in log.ansi.txt");
        }
    }

    @Test
    void approveAutoApprovesOnceAndApplies(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, """
                def job = iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan and apply', approve: 'auto'
                echo "status=${job.status}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("status=completed", b);
        assertEquals(1, sandbox.counters().get(TerrakubeSandbox.APPROVALS));
        assertEquals(0, sandbox.counters().get(TerrakubeSandbox.DUPLICATE_APPROVALS));
        assertEquals("completed", sandbox.terrakube().jobStatus(jobId(b)).orElseThrow());
    }

    @Test
    void approveNeverReturnsAtWaitingApprovalWithoutFailing(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, """
                def job = iacJob connection: 'terrakube', workspace: 'staging', accelerator: 'Plan and apply', approve: 'never'
                echo "status=${job.status} success=${job.success}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("status=waitingApproval success=false", b);
        assertEquals(0, sandbox.counters().get(TerrakubeSandbox.APPROVALS));
        assertEquals("waitingApproval", sandbox.terrakube().jobStatus(jobId(b)).orElseThrow());
    }

    @Test
    void abortingTheBuildCancelsTheRemoteJob(JenkinsRule r) throws Exception {
        sandbox.close();
        sandbox = SandboxFixture.start(20); // 40 s per step: still running when aborted
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacJob connection: 'terrakube', workspace: 'sandbox-workspace', template: 'Plan and apply'");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Submitted Terrakube job", b);
        String id = jobId(b);
        b.doStop();
        r.waitForCompletion(b);
        r.assertBuildStatus(Result.ABORTED, b);
        r.assertLogContains("Cancelled Terrakube job " + id, b);
        assertEquals(1, sandbox.counters().get(TerrakubeSandbox.CANCELS), "the PATCH reached the sandbox");
        assertEquals("cancelled", sandbox.terrakube().jobStatus(id).orElseThrow());
    }

    @Test
    void failedStepFailsTheBuildNamingTheStep(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacJob connection: 'terrakube', workspace: 'broken-plan', planOnly: true");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("ended failed", b);
        r.assertLogContains("sandbox failure in terraformPlan", b); // the step log made it into the build log
        r.assertLogNotContains("\tat ", b);
        assertNotNull(b.getAction(IacJobAction.class), "a failed job still gets its summary and evidence");
    }

    @Test
    void paramsAndGenesysOnlyMistakesAreNamed(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan', params: [a: 'b']");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("take no parameters", b);
        p.setDefinition(new CpsFlowDefinition("iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], workspace: 'staging'", true));
        b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("only Terrakube connections take workspace", b);
        assertEquals(0, sandbox.terrakube().jobCount(), "nothing was created");
    }

    @Test
    void tokenNeverInLogOrBuildFiles(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = pipeline(r, "iacJob connection: 'terrakube', workspace: 'sandbox-workspace', planOnly: true");
        WorkflowRun b = r.buildAndAssertSuccess(p);
        String token = sandbox.terrakube().token();
        r.assertLogNotContains(token, b);
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertThat(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), not(containsString(token)));
            }
        }
    }

    @Test
    void snippetGeneratorAndConfigRoundTrip(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        IacJobStep step = new IacJobStep();
        step.setConnection(SandboxFixture.TERRAKUBE);
        step.setWorkspace("staging");
        step.setTemplate("Plan and apply");
        step.setBranch("main");
        step.setApprove("auto");
        new SnippetizerTester(r).assertRoundTrip(step,
                "iacJob approve: 'auto', branch: 'main', connection: 'terrakube', template: 'Plan and apply', workspace: 'staging'");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }

    @Test
    void builderRunsATerrakubeJobWithDropDownsFilled(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        var p = r.createFreeStyleProject();
        IacJobBuilder.DescriptorImpl d = r.jenkins.getDescriptorByType(IacJobBuilder.DescriptorImpl.class);
        assertTrue(d.doFillWorkspaceItems(p, SandboxFixture.TERRAKUBE, "", "").stream().anyMatch(o -> "staging".equals(o.value)));
        assertTrue(d.doFillAcceleratorItems(p, SandboxFixture.TERRAKUBE, "", "").stream().anyMatch(o -> "Plan".equals(o.value)));
        IacJobStep.DescriptorImpl sd = r.jenkins.getDescriptorByType(IacJobStep.DescriptorImpl.class);
        assertTrue(sd.doFillTemplateItems(p, SandboxFixture.TERRAKUBE, "").contains("Plan and apply"));
        IacJobBuilder builder = new IacJobBuilder("Plan");
        builder.setConnection(SandboxFixture.TERRAKUBE);
        builder.setWorkspace("staging");
        builder.setPlanOnly(true);
        p.getBuildersList().add(builder);
        var build = r.buildAndAssertSuccess(p);
        assertNotNull(build.getAction(IacJobAction.class));
        r.assertLogContains("to add, 0 to change, 0 to destroy.", build);
        IacJobBuilder before = new IacJobBuilder("Plan and apply");
        before.setConnection(SandboxFixture.TERRAKUBE);
        before.setWorkspace("staging");
        before.setBranch("main");
        before.setApprove("never");
        r.assertEqualDataBoundBeans(before, r.configRoundtrip(before));
    }
}
