package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.CertificateCredentialsImpl;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.iacjobs.config.AvePointConnection;
import io.jenkins.plugins.iacjobs.config.Connection;
import io.jenkins.plugins.iacjobs.config.GenesysConnection;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.config.TerrakubeConnection;
import io.jenkins.plugins.iacjobs.core.plan.Ansi;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.lang3.StringUtils;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** The sandbox on loopback plus the Jenkins side that points at it: a default connection and its credentials. */
final class SandboxFixture {

    static final String CONNECTION = "sandbox";
    static final String CREDENTIALS_ID = "genesys-client";
    static final String TERRAKUBE = "terrakube";
    static final String TERRAKUBE_TOKEN_ID = "terrakube-token";
    static final String AVEPOINT = "avepoint";
    static final String AVEPOINT_LEGACY = "avepoint-legacy";
    static final String AVEPOINT_SECRET_ID = "avepoint-app";
    static final String AVEPOINT_CERTIFICATE_ID = "avepoint-certificate";
    static final String CERTIFICATE_PASSWORD = "p12-password";

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
        GenesysConnection c = new GenesysConnection(CONNECTION);
        c.setBaseUrl(sandbox.baseUrl());
        c.setCredentialsId(CREDENTIALS_ID);
        c.setMinPollSeconds(1);
        c.setMaxPollSeconds(2);
        c.setDefaultConnection(true);
        IacJobsGlobalConfiguration.get().setConnections(List.of(c));
    }

    /**
     * Genesys (the default connection) plus a Terrakube connection with the sandbox's token, and two AvePoint
     * connections (current and legacy API) with both kinds of credentials: client secret and certificate.
     */
    static void configureAll(Sandbox sandbox) throws Exception {
        configure(sandbox);
        var store = SystemCredentialsProvider.getInstance().getCredentials();
        store.add(new StringCredentialsImpl(CredentialsScope.GLOBAL, TERRAKUBE_TOKEN_ID, "sandbox Terrakube token",
                Secret.fromString(sandbox.terrakube().token())));
        store.add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, AVEPOINT_SECRET_ID, "sandbox AvePoint app",
                sandbox.avepoint().clientId(), sandbox.avepoint().clientSecret()));
        Path p12 = Files.createTempFile("avepoint-", ".p12");
        try {
            sandbox.avepoint().certificate().writePkcs12(p12, CERTIFICATE_PASSWORD.toCharArray());
            store.add(new CertificateCredentialsImpl(CredentialsScope.GLOBAL, AVEPOINT_CERTIFICATE_ID,
                    "sandbox AvePoint certificate", CERTIFICATE_PASSWORD,
                    new CertificateCredentialsImpl.UploadedKeyStoreSource(SecretBytes.fromBytes(Files.readAllBytes(p12)))));
        } finally {
            Files.deleteIfExists(p12);
        }
        SystemCredentialsProvider.getInstance().save();

        TerrakubeConnection tk = new TerrakubeConnection(TERRAKUBE);
        tk.setBaseUrl(sandbox.baseUrl());
        tk.setOrganization(TerrakubeSandbox.ORGANIZATION);
        tk.setCredentialsId(TERRAKUBE_TOKEN_ID);
        tk.setMinPollSeconds(1);
        tk.setMaxPollSeconds(1);
        List<Connection> all = new ArrayList<>(IacJobsGlobalConfiguration.get().getConnections());
        all.add(tk);
        all.add(avePoint(sandbox, AVEPOINT, null));
        all.add(avePoint(sandbox, AVEPOINT_LEGACY, "legacy"));
        IacJobsGlobalConfiguration.get().setConnections(all);
    }

    /**
     * What a user reads in {@code log.txt}: every step's log whole, exactly once, and without terminal codes (the
     * sandbox colours its logs as Terraform does; {@code log.ansi.txt} keeps them when {@code keepAnsi} is set).
     */
    static void assertEachStepLogOnce(String logTxt, List<String> stepLogs) {
        assertFalse(stepLogs.isEmpty(), "the sandbox ran steps");
        assertFalse(logTxt.contains("\u001b"), "log.txt has no terminal codes");
        for (String stepLog : stepLogs) {
            assertTrue(stepLog.contains("\u001b"), "the sandbox's step log is coloured, so the comparison means something");
            assertEquals(1, StringUtils.countMatches(logTxt, Ansi.strip(stepLog)), "each step's log whole and once in log.txt");
        }
    }

    /** The sandbox serves identity and API on its one host: token URL {@code <base>/connect/token}, data centre {@code <base>}. */
    static AvePointConnection avePoint(Sandbox sandbox, String name, String api) {
        AvePointConnection c = new AvePointConnection(name);
        c.setIdentityUrl(sandbox.baseUrl() + "/connect/token");
        c.setBaseUrl(sandbox.baseUrl());
        c.setClientId(sandbox.avepoint().clientId());
        c.setCredentialsId(AVEPOINT_SECRET_ID);
        c.setApiGeneration(api);
        return c;
    }
}
