package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlan;
import io.jenkins.plugins.iacjobs.sandbox.genesys.ResultsSource;
import io.jenkins.plugins.iacjobs.steps.IacJobBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 20, item 4, in Jenkins: a remote whose job message and plan carry CR, LF, ESC and BEL cannot forge lines in
 * the build log, nor put control characters on the build page, in {@code build.xml}, in {@code summary.md} or in the
 * step's value. The sandbox plays the hostile remote over loopback; the builds run as a user runs them.
 */
@WithJenkins
class HostileRemoteTextTest {

    /** What a hostile remote puts in a job's error message: a line of its own, a screen clear, a bell. */
    private static final String MESSAGE = "boom\r\nFAKE: all good\u001b[2J\u0007";
    private static final String PRINTABLE_MESSAGE = "boom??FAKE: all good?[2J?";
    /** A plan whose resource names carry an OSC title sequence and a line break. */
    private static final String PLAN = "{\"resources\":[{\"action\":\"create\",\"type\":\"genesyscloud_flow\","
            + "\"name\":\"Inbound\\u001b]0;pwned\\u0007\\r\\nFAKE resource\"}]}";

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = SandboxFixture.start(0.2);
        sandbox.genesys().setJobPlanner((acc, params, dryRun, index) -> dryRun
                ? JobPlan.complete(ResultsSource.of(PLAN))
                : JobPlan.failed("bad.request", MESSAGE));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aFailedJobsMessageReachesTheLogPageAndBuildXmlWithoutControlCharacters(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("""
                def job = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], failOnError: false
                echo "returned: ${job.error}"
                iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support']
                """, true));
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        String log = JenkinsRule.getLog(b);
        assertTrue(log.contains("ERROR: Genesys Cloud job ") && log.contains(PRINTABLE_MESSAGE), log);
        assertTrue(log.contains("returned: " + PRINTABLE_MESSAGE), "the step's value is printable too:\n" + log);
        noForgedLines(log);

        IacJobAction action = b.getAction(IacJobAction.class);
        assertNotNull(action, "the summary action");
        assertEquals(PRINTABLE_MESSAGE, action.getMessage());
        onThePageAndInBuildXml(r, b, PRINTABLE_MESSAGE);
        b.reload(); // build.xml reads back what it wrote
        assertEquals(PRINTABLE_MESSAGE, b.getAction(IacJobAction.class).getMessage());
    }

    @Test
    void aPlansResourceNamesReachTheLogPageAndSummaryWithoutControlCharacters(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        FreeStyleProject p = r.createFreeStyleProject("f");
        IacJobBuilder builder = new IacJobBuilder("Simple IVR");
        builder.setParameters("queue_name=Support");
        builder.setPlanOnly(true);
        p.getBuildersList().add(builder);
        FreeStyleBuild b = r.buildAndAssertSuccess(p);
        String log = JenkinsRule.getLog(b);
        noForgedLines(log);
        IacJobAction action = b.getAction(IacJobAction.class);
        assertNotNull(action, "the summary action");
        List<String> lines = action.getPlanShown();
        assertEquals(List.of("+ genesyscloud_flow.Inbound?]0;pwned???FAKE resource"), lines);
        onThePageAndInBuildXml(r, b, "genesyscloud_flow.Inbound?]0;pwned???FAKE resource");
        String summary = artifact(b, action, "summary.md");
        assertTrue(summary.contains("Inbound?]0;pwned???FAKE resource"), summary);
        assertFalse(summary.chars().anyMatch(c -> c < 0x20 && c != '\n'), "summary.md has no control character:\n" + summary);
    }

    /** No control character but the line ends, and no line that the remote started. */
    private static void noForgedLines(String log) {
        assertFalse(log.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "a control character in the build log:\n" + log);
        assertFalse(log.lines().anyMatch(l -> l.startsWith("FAKE")), "a line forged by the remote:\n" + log);
    }

    private static void onThePageAndInBuildXml(JenkinsRule r, hudson.model.Run<?, ?> b, String shown) throws Exception {
        String page = r.createWebClient().getPage(b).getWebResponse().getContentAsString();
        assertTrue(page.contains(shown), "the build page shows it:\n" + page);
        assertFalse(page.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r'), "a control character on the build page");
        String xml = Files.readString(b.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
        assertFalse(xml.contains("&#x1b;") || xml.contains("&#27;") || xml.contains("&#7;") || xml.contains("&#x7;")
                || xml.chars().anyMatch(c -> c == 0x1b || c == 0x07), "a control character in build.xml:\n" + xml);
    }

    private static String artifact(hudson.model.Run<?, ?> b, IacJobAction action, String name) throws Exception {
        String path = action.getArtifacts().stream().filter(a -> a.endsWith("/" + name)).findFirst().orElseThrow();
        try (InputStream in = b.getArtifactManager().root().child(path).open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
