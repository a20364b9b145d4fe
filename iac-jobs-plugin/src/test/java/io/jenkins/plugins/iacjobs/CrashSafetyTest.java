package io.jenkins.plugins.iacjobs;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.flow.FlowDurabilityHint;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.job.properties.DurabilityHintJobProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 24: the plugin saves what a crash needs with {@code saveState()}, which Pipeline's PERFORMANCE_OPTIMIZED
 * durability skips. A build that runs with it is told that a hard kill of the controller loses it; one with the
 * default durability is not.
 */
@WithJenkins
class CrashSafetyTest {
    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.05);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aPipelineThatSavesOnlyAtShutdownIsToldAHardKillLosesIt(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        String script = "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true, submitOnly: true";
        WorkflowJob fast = r.createProject(WorkflowJob.class, "fast");
        fast.addProperty(new DurabilityHintJobProperty(FlowDurabilityHint.PERFORMANCE_OPTIMIZED));
        fast.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = r.buildAndAssertSuccess(fast);
        r.assertLogContains("Note: this Pipeline runs with durability PERFORMANCE_OPTIMIZED", b);
        r.assertLogContains("If the controller is killed (an OOM kill, kill -9) this build is lost", b);

        WorkflowJob safe = r.createProject(WorkflowJob.class, "safe");
        safe.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun s = r.buildAndAssertSuccess(safe);
        r.assertLogNotContains("runs with durability", s);
    }
}
