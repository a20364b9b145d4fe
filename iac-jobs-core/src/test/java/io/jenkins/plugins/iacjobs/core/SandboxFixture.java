package io.jenkins.plugins.iacjobs.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.RetryPolicy;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** A sandbox on loopback and core clients wired to it, as a front end would wire them. */
public final class SandboxFixture implements AutoCloseable {
    public final Sandbox sandbox;
    public final OkHttpClient http = HttpClients.create(HttpSettings.defaults().withReadTimeout(Duration.ofSeconds(20)));
    public final ObjectMapper json = Json.newMapper();
    public final TokenSourceRegistry tokens = new TokenSourceRegistry();
    public final Clock clock = Clock.systemUTC();

    public SandboxFixture(SandboxConfig config) {
        this.sandbox = Sandbox.start(config);
    }

    public static SandboxFixture fast() {
        return new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.05));
    }

    public GenesysEndpoints endpoints() {
        return GenesysEndpoints.forBaseUrl(sandbox.baseUrl());
    }

    public ClientCredentials credentials() {
        return new ClientCredentials(sandbox.genesysClientId(), sandbox.genesysClientSecret());
    }

    /** A client with short retry waits, so fault tests stay quick. */
    public GenesysClient client() {
        return GenesysClient.connect(http, json, endpoints(), credentials(), tokens, clock)
                .withRetryPolicy(new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(3)));
    }

    public GenesysJobs jobs() {
        return GenesysJobs.create(client(), "test|" + sandbox.baseUrl(), clock);
    }

    public String currentToken() {
        return tokens.get(endpoints().tokenUrl().toString(), sandbox.genesysClientId(), sandbox.genesysClientSecret(), () -> {
            throw new IllegalStateException("no token source yet");
        }).accessToken();
    }

    @Override
    public void close() {
        sandbox.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
