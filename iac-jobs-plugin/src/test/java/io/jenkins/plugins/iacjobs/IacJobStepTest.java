package io.jenkins.plugins.iacjobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.steps.IacJobStep;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

@WithJenkins
class IacJobStepTest {

    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
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

    @Test
    void planOnlyRunCompletesWithArtifactsSummaryAndEachStatusOnce(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, """
                def job = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support', flow_api_secret: 'hush-123'], planOnly: true
                echo "id=${job.id} status=${job.status} success=${job.success} planOnly=${job.planOnly}"
                echo "artifacts=${job.artifacts.join(',')}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("status=Complete success=true planOnly=true", b);
        IacJobAction action = b.getAction(IacJobAction.class);
        assertNotNull(action, "summary action");
        assertEquals("Complete", action.getStatus());
        assertTrue(action.isPlanOnly());
        String prefix = "iac-jobs/" + action.getJobId() + "/";
        assertThat(action.getArtifacts(), hasItem(prefix + "job.json"));
        assertThat(action.getArtifacts(), hasItem(prefix + "summary.md"));
        for (String a : action.getArtifacts()) {
            assertTrue(b.getArtifactManager().root().child(a).isFile(), a + " archived");
        }
        String log = JenkinsRule.getLog(b);
        // A fast job may pass through Queued and Running between two polls; whatever is seen is logged once.
        for (String status : new String[] {"Queued", "Running"}) {
            assertTrue(StringUtils.countMatches(log, "job " + action.getJobId() + ": " + status) <= 1,
                    status + " logged at most once:\n" + log);
        }
        assertEquals(1, StringUtils.countMatches(log, "job " + action.getJobId() + ": Complete"), "Complete once:\n" + log);
        assertThat("sensitive parameter masked in the log", log, not(containsString("hush-123")));
        assertThat(action.getParameters().get("flow_api_secret"), not(containsString("hush-123")));
        r.createWebClient().getPage(b); // summary.jelly renders
    }

    @Test
    void failedJobFailsTheBuildWithTheRemoteMessage(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, "iacJob accelerator: 'Broken Trunk'");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("trunk 'edge-1' not found in division Home", b);
        r.assertLogNotContains("\tat ", b); // a message, not a stack trace
        assertNotNull(b.getAction(IacJobAction.class), "a failed job still gets its summary and evidence");
    }

    @Test
    void failOnErrorFalseReturnsTheResult(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, """
                def job = iacJob accelerator: 'Partial Rollout', params: [rollout_name: 'r1'], failOnError: false
                echo "status=${job.status} success=${job.success} error=${job.error}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("status=Incomplete success=false", b);
        r.assertLogContains("2 of 3 sites rolled out", b);
    }

    @Test
    void catchErrorSeesTheFailure(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, """
                catchError(buildResult: 'UNSTABLE', stageResult: 'FAILURE') {
                    iacJob accelerator: 'Broken Trunk'
                }
                echo 'went on'
                """);
        WorkflowRun b = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        r.assertLogContains("went on", b);
    }

    @Test
    void abortStopsPromptlyAndSaysTheJobGoesOn(JenkinsRule r) throws Exception {
        sandbox.close();
        sandbox = SandboxFixture.start(20); // about 90 s per job: still running when aborted
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support']");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Submitted Genesys Cloud job", b);
        long t0 = System.nanoTime();
        b.doStop();
        r.waitForCompletion(b);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "aborted within 10 s");
        r.assertBuildStatus(Result.ABORTED, b);
        r.waitForMessage("still running remotely", b);
    }

    @Test
    void secretNeverInLogOrBuildFiles(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true");
        WorkflowRun b = r.buildAndAssertSuccess(p);
        String secret = sandbox.genesysClientSecret();
        r.assertLogNotContains(secret, b);
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(f.toString(), text, not(containsString(secret)));
            }
        }
        assertThat(Files.readString(new File(b.getRootDir(), "build.xml").toPath()), containsString("IacJobAction"));
    }

    @Test
    void missingAndWrongTypeCredentialsNameTheId(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], credentialsId: 'nope'");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("Credentials ‘nope’ were not found", b);
    }

    @Test
    void unknownParameterIsRejectedBeforeSubmission(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, "iacJob accelerator: 'Simple IVR', params: [queue_nam: 'Support']");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("queue_nam", b);
        r.assertLogNotContains("Submitted", b);
    }

    @Test
    void submitOnlyThenWaitByJobId(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = pipeline(r, """
                def s = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], submitOnly: true
                echo "submitted=${s.status}"
                def done = iacJob jobId: s.id
                echo "final=${done.status}"
                """);
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("submitted=Submitted", b);
        r.assertLogContains("final=Complete", b);
    }

    @Test
    void snippetGeneratorAndConfigRoundTrip(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        IacJobStep step = new IacJobStep();
        step.setAccelerator("Simple IVR");
        step.setPlanOnly(true);
        step.setConnection(SandboxFixture.CONNECTION);
        step.setTimeout("45m");
        step.setFailOnError(false);
        new SnippetizerTester(r).assertRoundTrip(step,
                "iacJob accelerator: 'Simple IVR', connection: 'sandbox', failOnError: false, planOnly: true, timeout: '45m'");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }
}
