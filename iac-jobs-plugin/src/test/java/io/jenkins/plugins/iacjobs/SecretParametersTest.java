package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.PasswordParameterDefinition;
import hudson.model.PasswordParameterValue;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.steps.IacJobBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A parameter the accelerator does not mark sensitive, given a secret the build knows of (a {@code withCredentials}
 * variable, a password parameter): the build log masks it, and so must the summary, {@code summary.md} and
 * {@code build.xml}, which the check and the page read.
 */
@WithJenkins
class SecretParametersTest {

    private static final String SECRET = "div-4711-from-the-vault";
    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private static void assertNowhere(Run<?, ?> b) throws Exception {
        IacJobAction a = b.getAction(IacJobAction.class);
        assertEquals("********", a.getParameters().get("division"), "the summary masks it");
        assertEquals("Support", a.getParameters().get("queue_name"), "the others stay readable");
        try (InputStream in = b.getArtifactManager().root().child("iac-jobs/" + a.getJobId() + "/summary.md").open()) {
            String md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(md.contains(SECRET), md);
            assertTrue(md.contains("| division | ******** |"), md);
        }
        assertFalse(Files.readString(b.getRootDir().toPath().resolve("build.xml")).contains(SECRET), "build.xml");
        assertFalse(JenkinsRule.getLog(b).contains(SECRET), "the build log");
    }

    @Test
    void aWithCredentialsValueIsMaskedWhereverParametersAreShown(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "queue-secret", "a division kept secret", Secret.fromString(SECRET)));
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("""
                withCredentials([string(credentialsId: 'queue-secret', variable: 'Q')]) {
                  iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support', division: Q], planOnly: true
                }
                """, true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        assertNowhere(b);
        assertEquals(SECRET, sandbox.genesys().jobs().get(0).parameters().get("division"), "sent as it is");
    }

    @Test
    void aPasswordParameterIsMaskedInAFreestyleBuild(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        FreeStyleProject p = r.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new PasswordParameterDefinition("DIVISION", "", "")));
        IacJobBuilder builder = new IacJobBuilder("Simple IVR");
        builder.setParameters("queue_name=Support\ndivision=${DIVISION}");
        builder.setPlanOnly(true);
        p.getBuildersList().add(builder);
        FreeStyleBuild b = r.assertBuildStatusSuccess(p.scheduleBuild2(0, new ParametersAction(new PasswordParameterValue("DIVISION", SECRET))));
        assertNowhere(b);
    }
}
