package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class IacJobsGlobalConfigurationTest {

    @Test
    void webFormRoundTrip(JenkinsRule r) throws Exception {
        Connection a = new Connection("genesys-prod");
        a.setRegion("eu_west_1");
        a.setCredentialsId("prod-client");
        a.setDefaultConnection(true);
        Connection b = new Connection("sandbox");
        b.setRegion(null);
        b.setBaseUrl("http://127.0.0.1:8089/");
        b.setMinPollSeconds(1);
        b.setMaxPollSeconds(5);
        b.setTimeoutMinutes(0);
        Connection tk = new Connection("terrakube");
        tk.setSystem(Connection.SYSTEM_TERRAKUBE);
        tk.setBaseUrl("https://terrakube-api.example.com");
        tk.setOrganization("platform");
        tk.setPlanOnlyTemplate("Plan");
        tk.setApiGeneration("older");
        Connection ap = new Connection("avepoint");
        ap.setSystem(Connection.SYSTEM_AVEPOINT);
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
        assertEquals("avepoint", IacJobsGlobalConfiguration.get().findForSystem(null, Connection.SYSTEM_AVEPOINT).getName());
        assertEquals("http://127.0.0.1:8089", after.get(1).getBaseUrl());
        assertEquals("genesys-prod", IacJobsGlobalConfiguration.get().lookup(null).getName());
    }

    @Test
    void emptyingTheListSticks(JenkinsRule r) throws Exception {
        IacJobsGlobalConfiguration.get().setConnections(List.of(new Connection("x")));
        IacJobsGlobalConfiguration.get().setConnections(List.of());
        r.configRoundtrip();
        assertEquals(0, IacJobsGlobalConfiguration.get().getConnections().size());
    }

    @Test
    void rejectsDuplicateNamesAndTwoDefaults(JenkinsRule r) {
        Connection a = new Connection("a");
        a.setDefaultConnection(true);
        Connection b = new Connection("b");
        b.setDefaultConnection(true);
        assertThrows(IllegalArgumentException.class,
                () -> IacJobsGlobalConfiguration.get().setConnections(List.of(a, b)));
        assertThrows(IllegalArgumentException.class,
                () -> IacJobsGlobalConfiguration.get().setConnections(List.of(new Connection("a"), new Connection("a"))));
    }
}
