package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.actions.IacJobApprovalAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 23 in a controller: {@code expectPlan} (apply exactly what was reviewed), outputs for the next stage, one job at
 * a time per workspace, and an approval that records the plan it was given on.
 */
@WithJenkins
class ReviewedApplyTest {

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private long genesysApplies() {
        return sandbox.genesys().jobs().stream().filter(j -> !j.dryRun()).count();
    }

    private static String group(WorkflowRun b, String regex) throws Exception {
        Matcher m = Pattern.compile(regex).matcher(JenkinsRule.getLog(b));
        assertTrue(m.find(), regex + " in\n" + JenkinsRule.getLog(b));
        return m.group(1);
    }

    private static String artifact(WorkflowRun b, String path) throws Exception {
        try (InputStream in = b.getArtifactManager().root().child(path).open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void planInputApplyAppliesTheReviewedPlanAfterADryRunOfTheSameInputsPlansIt(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = r.createProject(WorkflowJob.class, "reviewed");
        p.setDefinition(new CpsFlowDefinition("""
                def plan = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true
                echo "reviewed=${plan.plan.fingerprint}"
                def job = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], expectPlan: plan.plan.fingerprint
                echo "applied=${job.status} reviewedPlan=${job.reviewedPlan} first=${job.results[0].type} outputs=${job.outputs}"
                """, true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        String reviewed = group(b, "reviewed=(v2:[0-9a-f]{64})");
        r.assertLogContains("expectPlan: a dry run of the same inputs first, to apply only the reviewed plan " + reviewed, b);
        r.assertLogContains("planned what was reviewed (fingerprint " + reviewed.substring(3, 15), b);
        r.assertLogContains("applied=Complete reviewedPlan=" + reviewed + " first=genesyscloud_", b);
        r.assertLogContains("outputs=[:]", b);
        assertEquals(1, genesysApplies());
        assertEquals(3, sandbox.genesys().jobs().size(), "the reviewed plan, the check's dry run and the apply");
        List<IacJobAction> actions = b.getActions(IacJobAction.class);
        assertEquals(3, actions.size(), "each run's evidence is on the build page");
        assertTrue(actions.get(1).isPlanOnly() && reviewed.equals(actions.get(1).getPlanFingerprint()), "the check's dry run");
        String shortForm = reviewed.substring(3, 15);
        assertTrue(actions.get(1).getReviewNote().contains("compared with the reviewed plan " + shortForm), actions.get(1).getReviewNote());
        assertEquals("Applied the reviewed plan " + shortForm + ": a dry run of the same inputs planned exactly it just before.",
                actions.get(2).getReviewNote());
        assertEquals(null, actions.get(0).getReviewNote());
        String page = r.createWebClient().getPage(b).asNormalizedText();
        assertTrue(page.contains("Applied the reviewed plan " + shortForm), page);
        String outputs = artifact(b, "iac-jobs/" + actions.get(2).getJobId() + "/outputs.json");
        assertTrue(outputs.contains("\"results\" : [ {"), outputs);
    }

    @Test
    void aPlanThatChangedSinceTheReviewAppliesNothingAndListsWhatDiffers(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob plan = r.createProject(WorkflowJob.class, "plan");
        plan.setDefinition(new CpsFlowDefinition("""
                def plan = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true
                echo "reviewed=${plan.plan.fingerprint}"
                """, true));
        String reviewed = group(r.buildAndAssertSuccess(plan), "reviewed=(v2:[0-9a-f]{64})");
        sandbox.genesys().changeOutside("Simple IVR", "genesyscloud_routing_queue.Sales");

        // the apply runs in the same job as the review, so the reviewed plan is at hand to list what differs
        plan.setDefinition(new CpsFlowDefinition("iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], expectPlan: '"
                + reviewed + "'", true));
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, plan.scheduleBuild2(0));
        r.assertLogContains("expectPlan: the plan changed since it was reviewed. Reviewed " + reviewed + ", but dry run ", b);
        r.assertLogContains("Resources that differ (1):", b);
        r.assertLogContains("~ genesyscloud_routing_queue.Sales   (new: not in the reviewed plan)", b);
        r.assertLogContains("Nothing was applied.", b);
        r.assertLogNotContains("\tat ", b);
        assertEquals(0, genesysApplies(), "no apply job was created");
        assertNotNull(b.getAction(IacJobAction.class), "the check's dry run is kept as evidence");

        // refused before anything is sent: with planOnly, a short fingerprint, on Terrakube
        SandboxFixture.configureAll(sandbox);
        long created = sandbox.counters().jobsCreated();
        for (String step : new String[] {
            "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true, expectPlan: '" + reviewed + "'",
            "iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], expectPlan: '" + reviewed.substring(3, 15) + "'",
            "iacJob connection: 'terrakube', workspace: 'staging', expectPlan: '" + reviewed + "'"}) {
            WorkflowJob bad = r.createProject(WorkflowJob.class);
            bad.setDefinition(new CpsFlowDefinition(step, true));
            WorkflowRun refused = r.assertBuildStatus(Result.FAILURE, bad.scheduleBuild2(0));
            r.assertLogContains("expectPlan", refused);
            r.assertLogNotContains("\tat ", refused);
        }
        assertEquals(created, sandbox.counters().jobsCreated(), "no job was created");
        assertEquals(0L, sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED));
    }

    @Test
    void aTerrakubeApplyReturnsItsOutputsWithTheSensitiveOneOnlyWhenAskedAndNeverShown(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob p = r.createProject(WorkflowJob.class, "outputs");
        p.setDefinition(new CpsFlowDefinition("""
                def job = iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan and apply without approval'
                echo "vpc=${job.outputs.vpc_id} subnets=${job.outputs.subnet_ids.size()} count=${job.outputs.instance_count + 1}"
                echo "hasPassword=${job.outputs.containsKey('db_password')}"
                def all = iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan and apply without approval',
                        sensitiveOutputs: true
                echo "passwordLength=${all.outputs.db_password.length()}"
                """, true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("subnets=2 count=3", b);
        r.assertLogContains("hasPassword=false", b);
        r.assertLogContains("passwordLength=" + (TerrakubeSandbox.SECRET_OUTPUT_PREFIX.length() + 1), b);
        r.assertLogContains("4 output(s), read from the state written by job ", b);
        r.assertLogContains("db_password = **** (sensitive)", b);
        String first = group(b, "vpc=(vpc-staging-\\d+)");
        IacJobAction a = b.getActions(IacJobAction.class).get(0);
        assertEquals("vpc-staging-" + a.getJobId(), first, "the job's own state");
        String outputsJson = artifact(b, "iac-jobs/" + a.getJobId() + "/outputs.json");
        assertTrue(outputsJson.contains("\"value\" : \"****\""), outputsJson);
        // the sensitive value is in no file of the build: log, build.xml, artifacts (the second run asked for it)
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).filter(x -> !x.getFileName().toString().equals("program.dat"))::iterator) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(TerrakubeSandbox.SECRET_OUTPUT_PREFIX),
                        "the sensitive output is in " + f);
            }
        }
    }

    @Test
    void aJobBehindAnotherOfItsWorkspaceSaysSoAndQueueFailCreatesNone(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        WorkflowJob holder = r.createProject(WorkflowJob.class, "holder");
        holder.setDefinition(new CpsFlowDefinition(
                "iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan and apply', approve: 'input'", true));
        WorkflowRun h = holder.scheduleBuild2(0).waitForStart();
        r.waitForMessage("may approve or reject it on the build page", h);
        String holderJob = h.getAction(IacJobApprovalAction.class).getJobId();

        long created = sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED);
        WorkflowJob busy = r.createProject(WorkflowJob.class, "busy");
        busy.setDefinition(new CpsFlowDefinition(
                "iacJob connection: 'terrakube', workspace: 'staging', planOnly: true, queue: 'fail'", true));
        WorkflowRun refused = r.assertBuildStatus(Result.FAILURE, busy.scheduleBuild2(0));
        r.assertLogContains("queue: 'fail', and workspace 'staging' already runs job " + holderJob + " (waitingApproval)", refused);
        r.assertLogNotContains("\tat ", refused);
        assertEquals(created, sandbox.counters().get(TerrakubeSandbox.JOBS_CREATED), "no job was created");

        WorkflowJob behind = r.createProject(WorkflowJob.class, "behind");
        behind.setDefinition(new CpsFlowDefinition(
                "iacJob connection: 'terrakube', workspace: 'staging', planOnly: true", true));
        WorkflowRun w = behind.scheduleBuild2(0).waitForStart();
        r.waitForMessage("waits behind job " + holderJob + " (waitingApproval) of the same workspace", w);

        // the person approves on the build page: the decision records the plan it was given on
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest approve = new WebRequest(new URL(r.getURL(), h.getUrl() + IacJobApprovalAction.URL + "/approve"), HttpMethod.POST);
        wc.addCrumb(approve);
        wc.getPage(approve);
        r.assertBuildStatusSuccess(r.waitForCompletion(h));
        String decision = h.getAction(IacJobApprovalAction.class).getDecision();
        String applied = h.getAction(IacJobAction.class).getPlanFingerprint();
        assertTrue(decision.startsWith("Approved by ") && decision.endsWith(" on plan " + applied + " (+40 ~0 -0)"), decision + " / " + applied);
        r.assertLogContains(" on plan " + applied, h);

        r.assertBuildStatusSuccess(r.waitForCompletion(w));
        String log = JenkinsRule.getLog(w);
        // said once while it waits (the core test follows every later status of the job in front)
        assertEquals(1, log.split("waits behind job " + holderJob + " \\(waitingApproval\\)", -1).length - 1, log);
    }
}
