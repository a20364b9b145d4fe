package io.jenkins.plugins.iacjobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every form endpoint: POST only, and refused to users without the permission it needs. These endpoints spend
 * stored credentials on remote calls, so a reader must not be able to drive them.
 */
@WithJenkins
class FormPermissionTest {

    private static final String CONNECTION = "descriptorByName/io.jenkins.plugins.iacjobs.Connection/";
    private static final String BUILDER = "descriptorByName/io.jenkins.plugins.iacjobs.IacJobBuilder/";
    private static final String STEP = "descriptorByName/io.jenkins.plugins.iacjobs.IacJobStep/";
    private static final String REPORT_STEP = "descriptorByName/io.jenkins.plugins.iacjobs.IacBackupReportStep/";
    private static final String REPORT_BUILDER = "descriptorByName/io.jenkins.plugins.iacjobs.IacBackupReportBuilder/";

    /** Global configuration endpoints: Overall/Administer. */
    private static final List<String> GLOBAL = List.of(
            CONNECTION + "fillSystemItems",
            CONNECTION + "fillRegionItems",
            CONNECTION + "fillCredentialsIdItems",
            CONNECTION + "checkName?value=x",
            CONNECTION + "checkBaseUrl?value=http://127.0.0.1:1",
            CONNECTION + "checkMaxPollSeconds?value=5&minPollSeconds=1",
            CONNECTION + "checkTimeoutMinutes?value=5",
            CONNECTION + "testConnection?name=sandbox&baseUrl=http://127.0.0.1:1&credentialsId=genesys-client",
            CONNECTION + "fillApiGenerationItems?system=terrakube",
            CONNECTION + "fillIdentityServiceItems",
            CONNECTION + "fillDataCentreItems",
            CONNECTION + "checkOrganization?value=x&system=terrakube",
            CONNECTION + "checkIdentityUrl?value=https://identity.example.com",
            CONNECTION + "testConnection?name=tk&system=terrakube&baseUrl=http://127.0.0.1:1&organization=o&credentialsId=terrakube-token",
            CONNECTION + "testConnection?name=ap&system=avepoint&baseUrl=http://127.0.0.1:1&credentialsId=avepoint-app");

    /** Job endpoints: Job/Configure. */
    private static final List<String> JOB = List.of(
            BUILDER + "fillConnectionItems",
            BUILDER + "fillAcceleratorItems",
            BUILDER + "checkTimeout?value=5m",
            BUILDER + "checkParameters?value=a%3Db&accelerator=Simple%20IVR",
            STEP + "fillConnectionItems",
            STEP + "checkTimeout?value=5m",
            STEP + "fillWorkspaceItems?connection=terrakube",
            STEP + "fillTemplateItems?connection=terrakube",
            STEP + "fillApproveItems",
            BUILDER + "fillWorkspaceItems?connection=terrakube",
            BUILDER + "fillApproveItems",
            REPORT_STEP + "fillConnectionItems",
            REPORT_STEP + "fillTypeItems",
            REPORT_STEP + "fillStatusItems",
            REPORT_STEP + "fillFailOnItems",
            REPORT_STEP + "checkSince?value=24h",
            REPORT_BUILDER + "fillConnectionItems",
            REPORT_BUILDER + "fillTypeItems",
            REPORT_BUILDER + "fillStatusItems",
            REPORT_BUILDER + "fillFailOnItems",
            REPORT_BUILDER + "checkSince?value=24h");

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private void secure(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ, Item.CONFIGURE).everywhere().to("dev"));
    }

    private static int post(JenkinsRule r, String user, String path) throws Exception {
        return send(r, user, path, HttpMethod.POST).getStatusCode();
    }

    private static WebResponse send(JenkinsRule r, String user, String path, HttpMethod method) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
        wc.getOptions().setPrintContentOnFailingStatusCode(false);
        wc.login(user);
        WebRequest req = new WebRequest(new URL(r.getURL(), path), method);
        if (method == HttpMethod.POST) {
            wc.addCrumb(req);
        }
        return wc.loadWebResponse(req);
    }

    @Test
    void globalEndpointsNeedAdminister(JenkinsRule r) throws Exception {
        secure(r);
        for (String path : GLOBAL) {
            assertEquals(403, post(r, "reader", path), path);
            assertEquals(403, post(r, "dev", path), path);
            assertEquals(200, post(r, "admin", path), path);
        }
    }

    @Test
    void jobEndpointsNeedConfigure(JenkinsRule r) throws Exception {
        secure(r);
        FreeStyleProject p = r.createFreeStyleProject("p");
        for (String endpoint : JOB) {
            String path = p.getUrl() + endpoint;
            assertEquals(403, post(r, "reader", path), path);
            assertEquals(200, post(r, "dev", path), path);
        }
    }

    @Test
    void credentialsDropDownsRefuseReaders(JenkinsRule r) throws Exception {
        secure(r);
        FreeStyleProject p = r.createFreeStyleProject("p");
        for (String path : List.of(p.getUrl() + BUILDER + "fillCredentialsIdItems", p.getUrl() + STEP + "fillCredentialsIdItems",
                p.getUrl() + REPORT_STEP + "fillCredentialsIdItems?connection=sandbox",
                p.getUrl() + REPORT_BUILDER + "fillCredentialsIdItems?connection=sandbox")) {
            WebResponse refused = send(r, "reader", path, HttpMethod.POST);
            assertEquals(403, refused.getStatusCode(), path);
            assertThat(path, refused.getContentAsString(), not(containsString(SandboxFixture.CREDENTIALS_ID)));
            assertThat(path, send(r, "dev", path, HttpMethod.POST).getContentAsString(),
                    containsString(SandboxFixture.CREDENTIALS_ID));
        }
    }

    @Test
    void getIsRefused(JenkinsRule r) throws Exception {
        secure(r);
        for (String path : GLOBAL) {
            assertNotEquals(200, send(r, "admin", path, HttpMethod.GET).getStatusCode(), path);
        }
    }
}
