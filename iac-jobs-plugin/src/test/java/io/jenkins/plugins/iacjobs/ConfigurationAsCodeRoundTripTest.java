package io.jenkins.plugins.iacjobs;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import org.jvnet.hudson.test.JenkinsRule;

/** Applies configuration-as-code.yaml through the UI, writes jenkins.yaml, restarts, and checks again. */
class ConfigurationAsCodeRoundTripTest extends AbstractRoundTripTest {

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        ConfigurationAsCodeTest.assertConfigured();
    }

    @Override
    protected String stringInLogExpected() {
        return "genesys-prod";
    }
}
