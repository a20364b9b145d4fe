package io.jenkins.plugins.iacjobs;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** The sandbox on loopback plus the Jenkins side that points at it: a default connection and its credentials. */
final class SandboxFixture {

    static final String CONNECTION = "sandbox";
    static final String CREDENTIALS_ID = "genesys-client";

    private SandboxFixture() {
    }

    /** @param timeScale 1.0 is about 4.5 s per job; larger is slower */
    static Sandbox start(double timeScale) {
        return Sandbox.start(SandboxConfig.defaults().withTimeScale(timeScale));
    }

    static void configure(Sandbox sandbox) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, "sandbox OAuth client",
                sandbox.genesysClientId(), sandbox.genesysClientSecret()));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "not-a-token", "a bearer token the sandbox does not know",
                Secret.fromString("tok-unknown")));
        SystemCredentialsProvider.getInstance().save();
        Connection c = new Connection(CONNECTION);
        c.setBaseUrl(sandbox.baseUrl());
        c.setCredentialsId(CREDENTIALS_ID);
        c.setMinPollSeconds(1);
        c.setMaxPollSeconds(2);
        c.setDefaultConnection(true);
        IacJobsGlobalConfiguration.get().setConnections(List.of(c));
    }
}
