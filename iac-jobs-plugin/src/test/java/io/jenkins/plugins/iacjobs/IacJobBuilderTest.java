package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.steps.IacJobBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class IacJobBuilderTest {

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void configRoundTrip(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        IacJobBuilder before = new IacJobBuilder("Simple IVR");
        before.setParameters("queue_name=Support\ndivision=Home");
        before.setPlanOnly(true);
        before.setConnection(SandboxFixture.CONNECTION);
        before.setCredentialsId(SandboxFixture.CREDENTIALS_ID);
        before.setTimeout("30m");
        before.setFailOnError(false);
        r.assertEqualDataBoundBeans(before, r.configRoundtrip(before));
    }

    @Test
    void configRoundTripOfTheReviewedApplyAndTerrakubeOptions(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        IacJobBuilder apply = new IacJobBuilder("Simple IVR");
        apply.setParameters("queue_name=Support");
        apply.setExpectPlan("v2:" + "a".repeat(64));
        r.assertEqualDataBoundBeans(apply, r.configRoundtrip(apply));
        IacJobBuilder tk = new IacJobBuilder(null); // the plan-only template
        tk.setConnection(SandboxFixture.TERRAKUBE);
        tk.setWorkspace("staging");
        tk.setQueue("fail");
        tk.setSensitiveOutputs(true);
        r.assertEqualDataBoundBeans(tk, r.configRoundtrip(tk));
    }

    @Test
    void runsWithoutWorkspaceAndArchives(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        FreeStyleProject p = r.createFreeStyleProject();
        IacJobBuilder b = new IacJobBuilder("Simple IVR");
        b.setParameters("queue_name=Support");
        b.setPlanOnly(true);
        p.getBuildersList().add(b);
        FreeStyleBuild build = r.buildAndAssertSuccess(p);
        IacJobAction a = build.getAction(IacJobAction.class);
        assertNotNull(a);
        r.assertLogContains("Archived", build);
    }

    @Test
    void failedJobFailsTheBuild(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(new IacJobBuilder("Broken Trunk"));
        FreeStyleBuild build = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("trunk 'edge-1' not found in division Home", build);
    }

    @Test
    void formValidatesParametersAgainstTheAccelerator(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        FreeStyleProject p = r.createFreeStyleProject();
        IacJobBuilder.DescriptorImpl d = r.jenkins.getDescriptorByType(IacJobBuilder.DescriptorImpl.class);
        Assertions.assertEquals(FormValidation.Kind.ERROR,
                d.doCheckParameters(p, "queue_nam=Support", "Simple IVR", "", "", "").kind);
        Assertions.assertEquals(FormValidation.Kind.ERROR,
                d.doCheckParameters(p, "queue_name=Q\ngreeting_language=xx", "Simple IVR", "", "", "").kind);
        Assertions.assertEquals(FormValidation.Kind.OK,
                d.doCheckParameters(p, "queue_name=Support", "Simple IVR", "", "", "").kind);
        Assertions.assertTrue(
                d.doFillAcceleratorItems(p, "", "", "").stream().anyMatch(o -> "Simple IVR".equals(o.value)));
    }
}
