package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
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

/** The sandbox outlives the controller: it runs across both Jenkins sessions, as a real remote would. */
class IacJobRestartTest {

    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(8); // about 36 s per job: the restart lands while it runs
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void resumesWatchingAfterRestartWithoutSubmittingAgain() throws Throwable {
        sessions.then(r -> {
            SandboxFixture.configure(sandbox);
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "def job = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support']\necho \"final=${job.status}\"", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Submitted Genesys Cloud job", b);
        });
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            assertNotNull(p);
            WorkflowRun b = p.getBuildByNumber(1);
            r.waitForCompletion(b);
            r.assertBuildStatusSuccess(b);
            r.assertLogContains("Resumed watching", b);
            r.assertLogContains("final=Complete", b);
            String log = JenkinsRule.getLog(b);
            assertEquals(1, StringUtils.countMatches(log, "Submitted Genesys Cloud job"), "submitted exactly once");
            assertEquals(1, StringUtils.countMatches(log, ": Complete"), "Complete logged once");
        });
    }

    /**
     * expectPlan: a restart while the dry run that checks the reviewed plan runs resumes that dry run (a restart never
     * looks for an apply), and then applies nothing: the parameter values are not kept across a restart, and the
     * step says to run the build again. The remote shows no apply job.
     */
    @Test
    void aRestartDuringExpectPlansCheckAppliesNothingAndSaysWhy() throws Throwable {
        sessions.then(r -> {
            SandboxFixture.configure(sandbox);
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("def plan = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'],"
                    + " planOnly: true\necho \"REVIEWED=${plan.plan.fingerprint}\"", true));
            WorkflowRun reviewed = r.buildAndAssertSuccess(p);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("REVIEWED=(v2:[0-9a-f]{64})").matcher(JenkinsRule.getLog(reviewed));
            assertTrue(m.find());
            p.setDefinition(new CpsFlowDefinition("iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], expectPlan: '"
                    + m.group(1) + "'", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Submitted Genesys Cloud job", b);
            r.assertLogContains("expectPlan: a dry run of the same inputs first", b);
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(2);
            r.waitForCompletion(b);
            r.assertBuildStatus(hudson.model.Result.FAILURE, b);
            r.assertLogContains("Resumed watching", b);
            r.assertLogContains("expectPlan: Jenkins restarted while dry run ", b);
            r.assertLogContains("so the apply was not submitted. Run the build again.", b);
            r.assertLogNotContains("\tat ", b);
            String log = JenkinsRule.getLog(b);
            assertEquals(1, StringUtils.countMatches(log, "Submitted Genesys Cloud job"), "the dry run, once:\n" + log);
            r.assertLogContains("planned what was reviewed", b);
            assertTrue(sandbox.genesys().jobs().stream().allMatch(j -> j.dryRun()), "no apply job exists");
            assertEquals(2, sandbox.genesys().jobs().size(), "the reviewed plan and the check's dry run");
        });
    }

    /**
     * The plugin's shutdown hook runs: it stops watching before Pipeline saves the build for the last time, and says
     * so. Without it, the watcher's threads (which outlive a controller in the same JVM) would go on writing to the
     * stopped build while the resumed step does the same.
     */
    @Test
    void shutdownStopsWatchingAndSaysSoBeforeTheRestart() throws Throwable {
        sessions.then(r -> {
            SandboxFixture.configure(sandbox);
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support']", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Submitted Genesys Cloud job", b);
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(b);
            r.assertBuildStatusSuccess(b);
            String log = JenkinsRule.getLog(b);
            String detached = "[IaC Jobs] Jenkins is shutting down: stopped watching Genesys Cloud job ";
            assertEquals(1, StringUtils.countMatches(log, detached), "the shutdown hook ran once and said so:\n" + log);
            int resumed = log.indexOf("[IaC Jobs] Resumed watching");
            assertTrue(log.indexOf(detached) < resumed, "stopped before the restart, resumed after it");
            assertEquals(1, StringUtils.countMatches(log.substring(log.indexOf(detached), resumed), "[IaC Jobs]"),
                    "nothing of ours was written between stopping and resuming");
        });
    }
}
