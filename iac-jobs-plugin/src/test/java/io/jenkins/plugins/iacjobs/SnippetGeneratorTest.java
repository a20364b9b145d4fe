package io.jenkins.plugins.iacjobs;

import io.jenkins.plugins.iacjobs.config.AvePointConnection;
import io.jenkins.plugins.iacjobs.config.GenesysConnection;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.config.TerrakubeConnection;
import io.jenkins.plugins.iacjobs.steps.IacBackupReportStep;
import io.jenkins.plugins.iacjobs.steps.IacJobStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Snippet Generator writes what a user pastes into a Jenkinsfile: with every option away from its default,
 * the snippet names each one, and reading the snippet back gives the same step. The step's form (which the Snippet
 * Generator shows) gives it back too, parameters included.
 */
@WithJenkins
class SnippetGeneratorTest {

    private JenkinsRule r;

    /** The connections the steps name, so the form's connection drop-down offers them. */
    @BeforeEach
    void connections(JenkinsRule rule) {
        r = rule;
        GenesysConnection genesys = new GenesysConnection("genesys-prod");
        genesys.setRegion("eu_west_1");
        TerrakubeConnection terrakube = new TerrakubeConnection("terrakube");
        terrakube.setBaseUrl("https://terrakube-api.example.com");
        terrakube.setOrganization("platform");
        AvePointConnection avepoint = new AvePointConnection("avepoint");
        avepoint.setDataCentre("ne");
        IacJobsGlobalConfiguration.get().setConnections(List.of(genesys, terrakube, avepoint));
    }

    @Test
    void iacJobForGenesysWithEveryOptionSet() throws Exception {
        IacJobStep step = new IacJobStep();
        step.setConnection("genesys-prod");
        step.setCredentialsId("genesys-other-client");
        step.setAccelerator("Simple IVR");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("queue_name", "Support");
        params.put("division", "Home");
        step.setParams(params);
        step.setPlanOnly(true);
        step.setTimeout("45m");
        step.setFailOnError(false);
        step.setSubmitOnly(true);
        step.setKeepAnsi(true);
        assertRoundTrip(step, "iacJob accelerator: 'Simple IVR', connection: 'genesys-prod', credentialsId: 'genesys-other-client', "
                + "failOnError: false, keepAnsi: true, params: [queue_name: 'Support', division: 'Home'], planOnly: true, "
                + "submitOnly: true, timeout: '45m'");
    }

    @Test
    void iacJobForTerrakubeWithEveryOptionSet() throws Exception {
        IacJobStep step = new IacJobStep();
        step.setConnection("terrakube");
        step.setWorkspace("network/staging");
        step.setTemplate("Plan and apply");
        step.setBranch("release/2.1");
        step.setApprove("input");
        step.setApprovers("admin,ops-team");
        step.setTimeout("2h");
        step.setQueue("fail");
        step.setSensitiveOutputs(true);
        assertRoundTrip(step, "iacJob approve: 'input', approvers: 'admin,ops-team', branch: 'release/2.1', connection: 'terrakube', "
                + "queue: 'fail', sensitiveOutputs: true, template: 'Plan and apply', timeout: '2h', workspace: 'network/staging'");
    }

    @Test
    void iacJobApplyingOnlyTheReviewedPlan() throws Exception {
        IacJobStep step = new IacJobStep();
        step.setAccelerator("Simple IVR");
        step.setExpectPlan("v2:" + "b".repeat(64));
        assertRoundTrip(step, "iacJob accelerator: 'Simple IVR', expectPlan: 'v2:" + "b".repeat(64) + "'");
    }

    @Test
    void iacJobWaitingForAJobSubmittedEarlier() throws Exception {
        IacJobStep step = new IacJobStep();
        step.setConnection("genesys-prod");
        step.setJobId("9a7e0c1d-1111-2222-3333-444455556666");
        step.setTimeout("30m");
        assertRoundTrip(step, "iacJob connection: 'genesys-prod', jobId: '9a7e0c1d-1111-2222-3333-444455556666', timeout: '30m'");
    }

    @Test
    void iacBackupReportWithEveryOptionSet() throws Exception {
        IacBackupReportStep step = new IacBackupReportStep();
        step.setConnection("avepoint");
        step.setCredentialsId("avepoint-certificate");
        step.setType("restore");
        step.setStartTime("2026-11-01T00:00:00Z");
        step.setFinishTime("2026-11-02T00:00:00Z");
        step.setStatus("failed");
        step.setOrganization("Contoso EMEA");
        step.setFailOn("unsuccessful");
        step.setPageSize(50);
        assertRoundTrip(step, "iacBackupReport connection: 'avepoint', credentialsId: 'avepoint-certificate', failOn: 'unsuccessful', "
                + "finishTime: '2026-11-02T00:00:00Z', organization: 'Contoso EMEA', pageSize: 50, startTime: '2026-11-01T00:00:00Z', "
                + "status: 'failed', type: 'restore'");
    }

    @Test
    void iacBackupReportForAStaleCheck() throws Exception {
        IacBackupReportStep step = new IacBackupReportStep();
        step.setConnection("avepoint");
        step.setType("backup");
        step.setSince("7d");
        step.setFailOn("stale");
        step.setMaxAge("26h");
        assertRoundTrip(step, "iacBackupReport connection: 'avepoint', failOn: 'stale', maxAge: '26h', since: '7d', type: 'backup'");
    }

    private void assertRoundTrip(Step step, String snippet) throws Exception {
        new SnippetizerTester(r).assertRoundTrip(step, snippet);
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }
}
