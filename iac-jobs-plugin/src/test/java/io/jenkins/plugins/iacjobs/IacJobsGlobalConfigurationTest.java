package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.iacjobs.config.AvePointConnection;
import io.jenkins.plugins.iacjobs.config.Connection;
import io.jenkins.plugins.iacjobs.config.GenesysConnection;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.config.TerrakubeConnection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class IacJobsGlobalConfigurationTest {

    @Test
    void webFormRoundTrip(JenkinsRule r) throws Exception {
        GenesysConnection a = new GenesysConnection("genesys-prod");
        a.setRegion("eu_west_1");
        a.setCredentialsId("prod-client");
        a.setDefaultConnection(true);
        GenesysConnection b = new GenesysConnection("sandbox");
        b.setRegion(null);
        b.setBaseUrl("http://127.0.0.1:8089/");
        b.setMinPollSeconds(1);
        b.setMaxPollSeconds(5);
        b.setTimeoutMinutes(0);
        TerrakubeConnection tk = new TerrakubeConnection("terrakube");
        tk.setBaseUrl("https://terrakube-api.example.com");
        tk.setOrganization("platform");
        tk.setPlanOnlyTemplate("Plan");
        tk.setApiGeneration("older");
        AvePointConnection ap = new AvePointConnection("avepoint");
        ap.setDataCentre("us");
        ap.setIdentityService("us-gov");
        ap.setClientId("app-id");
        ap.setApiGeneration("legacy");
        IacJobsGlobalConfiguration.get().setConnections(List.of(a, b, tk, ap));
        r.configRoundtrip();
        List<Connection> after = IacJobsGlobalConfiguration.get().getConnections();
        assertEquals(4, after.size());
        r.assertEqualDataBoundBeans(a, after.get(0));
        r.assertEqualDataBoundBeans(b, after.get(1));
        r.assertEqualDataBoundBeans(tk, after.get(2));
        r.assertEqualDataBoundBeans(ap, after.get(3));
        assertEquals("avepoint", IacJobsGlobalConfiguration.get().requireForReports(null).getName(),
                "with no name, the report step takes the only connection that has reports");
        assertEquals("http://127.0.0.1:8089", ((GenesysConnection) after.get(1)).getBaseUrl(), "a trailing slash is dropped");
        assertEquals("genesys-prod", IacJobsGlobalConfiguration.get().lookup(null).getName());
    }

    @Test
    void emptyingTheListSticks(JenkinsRule r) throws Exception {
        IacJobsGlobalConfiguration.get().setConnections(List.of(new GenesysConnection("x")));
        IacJobsGlobalConfiguration.get().setConnections(List.of());
        r.configRoundtrip();
        assertEquals(0, IacJobsGlobalConfiguration.get().getConnections().size());
    }

    @Test
    void rejectsDuplicateNamesAndTwoDefaults(JenkinsRule r) {
        GenesysConnection a = new GenesysConnection("a");
        a.setDefaultConnection(true);
        TerrakubeConnection b = new TerrakubeConnection("b");
        b.setDefaultConnection(true);
        assertThrows(IllegalArgumentException.class,
                () -> IacJobsGlobalConfiguration.get().setConnections(List.of(a, b)));
        assertThrows(IllegalArgumentException.class,
                () -> IacJobsGlobalConfiguration.get().setConnections(List.of(new GenesysConnection("a"), new AvePointConnection("a"))));
    }
}
