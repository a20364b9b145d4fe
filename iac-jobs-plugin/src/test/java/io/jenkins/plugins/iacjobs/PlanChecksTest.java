package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.iacjobs.checks.PlanChecks;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlan;
import io.jenkins.plugins.iacjobs.sandbox.genesys.ResultsSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 22, item 1: each run publishes one check through the Checks API, recorded here by a publisher factory of the
 * test's own, as the GitHub Checks plugin would receive it.
 */
@WithJenkins
class PlanChecksTest {

    private static final String SECRET = "hush-4711-secret";
    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
        Recorder.DETAILS.clear();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** Records every check published, whatever the run: the stand-in for GitHub Checks. */
    @TestExtension({"genesysPlanIsInProgressThenCompletedWithCountsFirstResourcesAndMaskedParameters",
            "terrakubePlanIsNamedAfterItsWorkspace", "aPlanTooBigForACheckIsCutAtALineEndAndSaysSo",
            "aPlanTooBigToKeepPointsAtTheFileThatNamesEveryResource",
            "checksFalsePublishesNothingAndChecksNameNamesTheCheck", "aFailedJobAndADriftGetTheirConclusions"})
    public static final class Recorder extends ChecksPublisherFactory {
        static final List<ChecksDetails> DETAILS = new CopyOnWriteArrayList<>();

        @Override
        protected Optional<ChecksPublisher> createPublisher(Run<?, ?> run, TaskListener listener) {
            return Optional.of(new ChecksPublisher() {
                @Override
                public void publish(ChecksDetails details) {
                    DETAILS.add(details);
                }
            });
        }
    }

    private WorkflowRun run(JenkinsRule r, String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.assertBuildStatus(expected, p.scheduleBuild2(0));
    }

    private static ChecksOutput output(ChecksDetails d) {
        return d.getOutput().orElseThrow();
    }

    private static String everything(ChecksDetails d) {
        ChecksOutput o = output(d);
        return d.getName().orElse("") + "\n" + o.getTitle().orElse("") + "\n" + o.getSummary().orElse("") + "\n"
                + o.getText().orElse("") + "\n" + d.getDetailsURL().orElse("");
    }

    @Test
    void genesysPlanIsInProgressThenCompletedWithCountsFirstResourcesAndMaskedParameters(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowRun b = run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support', flow_api_secret: '" + SECRET
                + "'], planOnly: true", Result.SUCCESS);
        List<ChecksDetails> all = List.copyOf(Recorder.DETAILS);
        assertEquals(2, all.size(), all.toString());
        ChecksDetails running = all.get(0);
        ChecksDetails done = all.get(1);
        assertEquals("IaC plan: Simple IVR", running.getName().orElseThrow());
        assertEquals(ChecksStatus.IN_PROGRESS, running.getStatus());
        assertEquals("Planning", output(running).getTitle().orElseThrow());
        assertEquals("IaC plan: Simple IVR", done.getName().orElseThrow());
        assertEquals(ChecksStatus.COMPLETED, done.getStatus());
        assertEquals(ChecksConclusion.SUCCESS, done.getConclusion());
        assertTrue(done.getCompletedAt().isPresent());
        assertEquals("+3 ~0 -0", output(done).getTitle().orElseThrow());
        String summary = output(done).getSummary().orElseThrow();
        assertTrue(summary.startsWith("**Plan: 3 to add, 0 to change, 0 to destroy.**"), summary);
        assertTrue(summary.contains("+ genesyscloud_routing_queue.Support"), summary);
        assertTrue(summary.contains("](" + r.getURL() + b.getUrl() + ")"), "links to the build: " + summary);
        assertEquals(r.getURL() + b.getUrl(), done.getDetailsURL().orElseThrow());
        assertTrue(summary.contains("| flow_api_secret | ******** |"), "masked as in the log: " + summary);
        assertTrue(output(done).getText().orElseThrow().contains("+ genesyscloud_routing_queue.Support"));
        for (ChecksDetails d : all) {
            assertFalse(everything(d).contains(SECRET), "no secret in any check: " + everything(d));
        }
        r.assertLogContains("flow_api_secret=********", b);
    }

    @Test
    void terrakubePlanIsNamedAfterItsWorkspace(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        run(r, "iacJob connection: 'terrakube', workspace: 'sandbox-workspace', planOnly: true", Result.SUCCESS);
        ChecksDetails done = Recorder.DETAILS.get(Recorder.DETAILS.size() - 1);
        assertEquals("IaC plan: sandbox-workspace", done.getName().orElseThrow());
        assertEquals(ChecksStatus.COMPLETED, done.getStatus());
        assertEquals(ChecksConclusion.SUCCESS, done.getConclusion());
        String title = output(done).getTitle().orElseThrow();
        assertTrue(title.matches("\\+\\d+ ~\\d+ -\\d+|No changes"), title);
        assertTrue(output(done).getSummary().orElseThrow().contains("| workspace | sandbox-workspace |"),
                output(done).getSummary().orElseThrow());
        assertEquals(ChecksStatus.IN_PROGRESS, Recorder.DETAILS.get(0).getStatus());
        assertEquals(2, Recorder.DETAILS.size());
        String text = output(done).getText().orElseThrow();
        assertTrue(text.startsWith("```\n" + (title.equals("No changes") ? "No changes." : "Plan: ")), text);
        for (ChecksDetails d : Recorder.DETAILS) {
            assertFalse(everything(d).contains(sandbox.terrakube().token()), "no token in any check: " + everything(d));
        }
    }

    @Test
    void aPlanTooBigForACheckIsCutAtALineEndAndSaysSo(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        sandbox.genesys().setJobPlanner((acc, params, dryRun, i) -> JobPlan.complete(ResultsSource.of(queues(900))));
        run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true", Result.SUCCESS);
        ChecksDetails done = Recorder.DETAILS.get(Recorder.DETAILS.size() - 1);
        String text = output(done).getText().orElseThrow();
        assertTrue(text.length() <= PlanChecks.MAX_TEXT, "text of " + text.length() + " chars");
        assertTrue(text.length() > PlanChecks.MAX_TEXT - 500, "cut near the limit, not far below: " + text.length());
        assertTrue(text.contains("**Cut at 65535 characters, the size limit of a check:** the first "), text.substring(text.length() - 400));
        // the headline, a blank line and 900 resources
        assertTrue(text.matches("(?s).*the first \\d+ of 902 lines of the plan are above; \\[plan.txt]\\(http.*/plan.txt\\) lists every resource\\.\n"),
                text.substring(text.length() - 400));
        assertTrue(text.contains("```\n**Cut") || text.contains("```\n\n**Cut"), "the code block is closed before the note");
        String summary = output(done).getSummary().orElseThrow();
        assertTrue(summary.contains("The first 20 of 900 resources; [plan.txt](http"), summary);
        assertEquals("+900 ~0 -0", output(done).getTitle().orElseThrow());
    }

    /**
     * A plan too big to keep whole ({@link io.jenkins.plugins.iacjobs.core.plan.Plan#KEPT} resources) lists only the
     * kept ones in plan.txt: the check and the build page send the reader to the file that names every one.
     */
    @Test
    void aPlanTooBigToKeepPointsAtTheFileThatNamesEveryResource(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        sandbox.genesys().setJobPlanner((acc, params, dryRun, i) -> JobPlan.complete(ResultsSource.of(queues(1500))));
        WorkflowRun b = run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true", Result.SUCCESS);
        ChecksDetails done = Recorder.DETAILS.get(Recorder.DETAILS.size() - 1);
        String summary = output(done).getSummary().orElseThrow();
        assertTrue(summary.contains("The first 20 of 1500 resources; [results.json](http"), summary);
        String text = output(done).getText().orElseThrow();
        assertTrue(text.matches("(?s).*\\[results.json]\\(http[^)]*/results.json\\) lists every resource\\.\n"), text.substring(text.length() - 400));
        String page = r.createWebClient().getPage(b).getWebResponse().getContentAsString();
        assertTrue(page.matches("(?s).*1000 more in <a href=\"artifact/iac-jobs/[^\"]+/results.json\">results.json</a>.*"),
                "the build page points at results.json too");
    }

    /** Genesys dry-run results that create {@code n} queues with long names. */
    private static String queues(int n) {
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < n; i++) {
            resources.append(i == 0 ? "" : ",").append("{\"action\":\"create\",\"type\":\"genesyscloud_routing_queue\",\"name\":\"queue-")
                    .append(i).append("-").append("x".repeat(80)).append("\"}");
        }
        return "{\"resources\":[" + resources + "],\"summary\":{\"create\":" + n + ",\"update\":0,\"destroy\":0}}";
    }

    @Test
    void checksFalsePublishesNothingAndChecksNameNamesTheCheck(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true, checks: false", Result.SUCCESS);
        assertEquals(List.of(), Recorder.DETAILS);
        run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true, checksName: 'Nightly drift: IVR'",
                Result.SUCCESS);
        assertEquals(2, Recorder.DETAILS.size());
        assertTrue(Recorder.DETAILS.stream().allMatch(d -> d.getName().orElseThrow().equals("Nightly drift: IVR")));
    }

    @Test
    void aFailedJobAndADriftGetTheirConclusions(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        run(r, "iacJob accelerator: 'Broken Trunk'", Result.FAILURE);
        ChecksDetails failed = Recorder.DETAILS.get(Recorder.DETAILS.size() - 1);
        assertEquals("IaC apply: Broken Trunk", failed.getName().orElseThrow());
        assertEquals(ChecksConclusion.FAILURE, failed.getConclusion());
        assertEquals("Failed: Failed", output(failed).getTitle().orElseThrow());
        assertTrue(output(failed).getSummary().orElseThrow().contains("trunk 'edge-1' not found"), output(failed).getSummary().orElseThrow());
        Recorder.DETAILS.clear();
        run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true, onChanges: 'unstable'", Result.UNSTABLE);
        assertEquals(ChecksConclusion.NEUTRAL, Recorder.DETAILS.get(Recorder.DETAILS.size() - 1).getConclusion());
        Recorder.DETAILS.clear();
        run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true, onChanges: 'fail'", Result.FAILURE);
        assertEquals(ChecksConclusion.FAILURE, Recorder.DETAILS.get(Recorder.DETAILS.size() - 1).getConclusion());
        assertEquals(2, Recorder.DETAILS.size(), "one check: in progress, then completed once");
    }

    /** No publisher for the run (no GitHub, no GitLab): the Checks API's null publisher is not called, and nothing is said. */
    @Test
    void withoutAPublisherNothingIsPublishedOrSaid(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowRun b = run(r, "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true", Result.SUCCESS);
        r.assertLogNotContains("No suitable checks publisher", b);
        r.assertLogNotContains("could not be published", b);
        assertEquals(List.of(), Recorder.DETAILS, "the recorder is not installed in this test");
    }
}
