package io.jenkins.plugins.iacjobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.iacjobs.config.AvePointConnection;
import io.jenkins.plugins.iacjobs.config.Connection;
import io.jenkins.plugins.iacjobs.config.GenesysConnection;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.config.TerrakubeConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    static void assertConfigured() {
        List<Connection> list = IacJobsGlobalConfiguration.get().getConnections();
        assertEquals(4, list.size());
        GenesysConnection prod = assertInstanceOf(GenesysConnection.class, list.get(0));
        assertEquals("genesys-prod", prod.getName());
        assertEquals("eu_west_1", prod.getRegion());
        assertEquals("genesys-prod-client", prod.getCredentialsId());
        assertTrue(prod.isDefaultConnection());
        GenesysConnection sandbox = assertInstanceOf(GenesysConnection.class, list.get(1));
        assertEquals("http://127.0.0.1:8089", sandbox.getBaseUrl());
        assertEquals(1, sandbox.getMinPollSeconds());
        assertEquals(5, sandbox.getMaxPollSeconds());
        assertEquals(30, sandbox.getTimeoutMinutes());
        TerrakubeConnection tk = assertInstanceOf(TerrakubeConnection.class, list.get(2));
        assertEquals("https://terrakube-api.example.com", tk.getBaseUrl());
        assertEquals("platform", tk.getOrganization());
        assertEquals("Plan", tk.getPlanOnlyTemplate());
        assertEquals("https://terrakube-ui.example.com", tk.getUiUrl());
        assertEquals("https://terrakube-api.example.com/", tk.system().credentialsUrl());
        AvePointConnection ap = assertInstanceOf(AvePointConnection.class, list.get(3));
        assertEquals("ne", ap.getDataCentre());
        assertEquals("commercial", ap.getIdentityService());
        assertEquals("11111111-2222-3333-4444-555555555555", ap.getClientId());
        assertEquals("legacy", ap.getApiGeneration());
        assertEquals("https://graph-ne.avepointonlineservices.com/", ap.system().endpoints().apiBase().toString());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void importsAndExports(JenkinsConfiguredWithCodeRule r) throws Exception {
        assertConfigured();
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("iacJobs");
        String exported = Util.toYamlString(node);
        assertThat(exported, containsString("name: \"genesys-prod\""));
        assertThat(exported, containsString("region: \"eu_west_1\""));
        assertThat(exported, containsString("defaultConnection: true"));
        assertThat(exported, containsString("baseUrl: \"http://127.0.0.1:8089\""));
        assertThat(exported, containsString("timeoutMinutes: 30"));
        assertThat(exported, containsString("- terrakube:"));
        assertThat(exported, containsString("organization: \"platform\""));
        assertThat(exported, containsString("- avepoint:"));
        assertThat(exported, containsString("- genesys:"));
        assertThat(exported, containsString("dataCentre: \"ne\""));
        assertThat(exported, containsString("apiGeneration: \"legacy\""));
    }
}
