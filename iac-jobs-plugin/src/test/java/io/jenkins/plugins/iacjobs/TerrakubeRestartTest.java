package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import java.util.List;
import org.apache.commons.lang3.StringUtils;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A restart while a Terrakube step's log is streaming: watching resumes from the persisted log cursor, and every
 * byte of the step logs is in {@code log.txt} exactly once. The sandbox outlives the controller.
 */
class TerrakubeRestartTest {

    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(25); // the plan step runs 50 s, its log growing all the while
        sandbox.terrakube().setLogLines(300);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void resumesLogStreamingFromThePersistedCursorWithoutRepeatingBytes() throws Throwable {
        sessions.then(r -> {
            SandboxFixture.configureAll(sandbox);
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "def job = iacJob connection: 'terrakube', workspace: 'sandbox-workspace', planOnly: true\n"
                            + "echo \"final=${job.status}\"", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("null_resource.sandbox[3]", b); // streaming has begun
        });
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            assertNotNull(p);
            WorkflowRun b = p.getBuildByNumber(1);
            r.waitForCompletion(b);
            r.assertBuildStatusSuccess(b);
            r.assertLogContains("Resumed watching", b);
            r.assertLogContains("final=completed", b);
            IacJobAction action = b.getAction(IacJobAction.class);
            assertNotNull(action);
            String logTxt = TerrakubeJobStepTest.artifact(b, "iac-jobs/" + action.getJobId() + "/log.txt");
            List<String> stepLogs = sandbox.terrakube().stepLogs(action.getJobId());
            assertFalse(stepLogs.isEmpty());
            SandboxFixture.assertEachStepLogOnce(logTxt, stepLogs);
            String buildLog = JenkinsRule.getLog(b);
            for (int i = 0; i < 300; i++) {
                assertTrue(StringUtils.countMatches(buildLog, "null_resource.sandbox[" + i + "] ") <= 1,
                        "line " + i + " printed at most once in the build log");
            }
            assertEquals(1, StringUtils.countMatches(buildLog, "Submitted Terrakube job"), "submitted exactly once");
        });
    }
}
