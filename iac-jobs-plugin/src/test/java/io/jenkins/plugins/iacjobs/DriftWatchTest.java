package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.steps.IacJobBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Issue 22, item 2: {@code onChanges}, the drift watch, in Pipeline and freestyle. */
@WithJenkins
class DriftWatchTest {

    private static final String NIGHTLY = """
            def job = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true, onChanges: 'unstable'
            echo "fingerprint=${job.plan.fingerprint} drift=${job.drift} compared=${job.comparedWith}"
            """;

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private void inSync(boolean matches) {
        sandbox.genesys().setInSync(AcceleratorCatalogue.SIMPLE_IVR_ID, matches);
    }

    private static String fingerprint(WorkflowRun b) throws Exception {
        Matcher m = Pattern.compile("fingerprint=(v2:[0-9a-f]{64})").matcher(JenkinsRule.getLog(b));
        assertTrue(m.find(), JenkinsRule.getLog(b));
        return m.group(1);
    }

    private static String summaryMd(WorkflowRun b, IacJobAction a) throws Exception {
        try (InputStream in = b.getArtifactManager().root().child("iac-jobs/" + a.getJobId() + "/summary.md").open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNightlyDriftCheckIsUnstableOnChangesSuccessfulWithoutAndTellsAStayingDriftFromANewOne(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = r.createProject(WorkflowJob.class, "nightly");
        p.setDefinition(new CpsFlowDefinition(NIGHTLY + "echo 'went on'", true));

        WorkflowRun b1 = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        r.assertLogContains("Drift: Plan: 3 to add, 0 to change, 0 to destroy. The build is marked unstable (onChanges: \u2018unstable\u2019)", b1);
        r.assertLogContains("drift=true compared=null", b1);
        r.assertLogContains("went on", b1);
        FlowNode warned = new DepthFirstScanner().allNodes(b1.getExecution()).stream()
                .filter(n -> n.getPersistentAction(WarningAction.class) != null).findFirst().orElse(null);
        assertNotNull(warned, "the step's node carries the warning, as the unstable step's does: its stage shows it");
        assertEquals(Result.UNSTABLE, warned.getPersistentAction(WarningAction.class).getResult());
        assertTrue(warned.getPersistentAction(WarningAction.class).getMessage().startsWith("Drift: Plan: 3 to add"));

        WorkflowRun b2 = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        r.assertLogContains("Drift: Plan: 3 to add, 0 to change, 0 to destroy. Same changes as build #1.", b2);
        assertEquals(fingerprint(b1), fingerprint(b2), "the same changes, the same fingerprint");
        IacJobAction a2 = b2.getAction(IacJobAction.class);
        assertTrue(a2.isDrift() && a2.isSameChanges());
        assertTrue(summaryMd(b2, a2).contains("Same changes as build #1."), summaryMd(b2, a2));

        WorkflowRun b3 = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        r.assertLogContains("Same changes as build #2 (first seen in build #1).", b3);

        inSync(true);
        WorkflowRun b4 = r.buildAndAssertSuccess(p);
        r.assertLogContains("drift=false compared=No changes now; build #3 planned some.", b4);
        assertFalse(b4.getAction(IacJobAction.class).isDrift());
        assertFalse(fingerprint(b4).equals(fingerprint(b3)));

        inSync(false);
        WorkflowRun b5 = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        r.assertLogContains("New changes: build #4 planned none.", b5);

        // the job page's trend marks the drift, and which drift stayed
        HtmlPage job = r.createWebClient().getPage(p);
        String trend = job.querySelector(".iac-jobs-trend").asNormalizedText();
        List<String> rows = job.querySelectorAll(".iac-jobs-trend tbody tr").stream().map(n -> n.asNormalizedText()).toList();
        assertEquals(5, rows.size(), trend);
        assertTrue(rows.get(0).startsWith("#5") && rows.get(0).contains("drift") && !rows.get(0).contains("same as before"), rows.get(0));
        assertTrue(rows.get(1).startsWith("#4") && !rows.get(1).contains("drift"), rows.get(1));
        assertTrue(rows.get(2).startsWith("#3") && rows.get(2).contains("drift") && rows.get(2).contains("same as before"), rows.get(2));
        assertTrue(rows.get(4).startsWith("#1") && rows.get(4).contains("drift") && !rows.get(4).contains("same as before"), rows.get(4));

        // and the build page says so
        String page = r.createWebClient().getPage(b3).asNormalizedText();
        assertTrue(page.contains("Same changes as build #2 (first seen in build #1)."), page);
        assertTrue(page.contains("drift"), page);
    }

    @Test
    void onChangesFailFailsTheBuildAfterKeepingThePlan(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true, onChanges: 'fail'", true));
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("Drift: Plan: 3 to add, 0 to change, 0 to destroy. (onChanges: \u2018fail\u2019)", b);
        r.assertLogNotContains("\tat ", b);
        IacJobAction a = b.getAction(IacJobAction.class);
        assertTrue(a.isDrift());
        assertNotNull(a.getPlanTextHref(), "the plan is archived before the build fails");
        inSync(true);
        r.buildAndAssertSuccess(p);
    }

    @Test
    void aPolicyThatCannotApplyIsRefusedByNameBeforeAnythingIsSent(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        String[][] cases = {
            {"iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true, onChanges: 'warn'",
                "onChanges: 'warn' is not one of 'ignore', 'unstable', 'fail'"},
            {"iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], onChanges: 'unstable'",
                "onChanges: 'unstable' applies to plan-only runs (a drift check), and this run applies its changes; add planOnly: true"},
            {"iacJob accelerator: 'Simple IVR', params: [queue_name: 'Q'], planOnly: true, submitOnly: true, onChanges: 'fail'",
                "onChanges: \u2018fail\u2019 needs the plan, which submitOnly does not wait for"},
        };
        for (String[] c : cases) {
            WorkflowJob p = r.createProject(WorkflowJob.class);
            p.setDefinition(new CpsFlowDefinition(c[0], true));
            WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
            r.assertLogContains(c[1], b);
            r.assertLogNotContains("\tat ", b);
        }
        assertEquals(0, sandbox.counters().jobsCreated(), "no job was created");
    }

    @Test
    void theFreestyleBuilderMarksItsBuildUnstable(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        FreeStyleProject p = r.createFreeStyleProject();
        IacJobBuilder builder = new IacJobBuilder("Simple IVR");
        builder.setParameters("queue_name=Support");
        builder.setPlanOnly(true);
        builder.setOnChanges("unstable");
        p.getBuildersList().add(builder);
        FreeStyleBuild b = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        r.assertLogContains("Drift: Plan: 3 to add", b);
        inSync(true);
        FreeStyleBuild b2 = r.buildAndAssertSuccess(p);
        assertEquals("No changes.", b2.getAction(IacJobAction.class).getPlanHeadline());
        assertEquals("No changes now; build #1 planned some.", b2.getAction(IacJobAction.class).getPlanComparison());
        r.configRoundtrip(p);
        assertEquals("unstable", ((IacJobBuilder) p.getBuildersList().get(0)).getOnChanges(), "the form keeps the option");
        assertNull(((IacJobBuilder) p.getBuildersList().get(0)).getChecksName());
    }
}
