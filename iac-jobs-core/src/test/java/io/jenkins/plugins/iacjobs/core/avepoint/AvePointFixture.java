package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.http.RetryPolicy;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Wires core's AvePoint client to a running sandbox the way the plugin and CLI do. */
final class AvePointFixture {
    static final OkHttpClient HTTP = HttpClients.create(HttpSettings.defaults());
    /** Retries as usual but never waits long, so fault tests stay quick; Retry-After is capped too. */
    static final RetryPolicy FAST = new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20));

    private AvePointFixture() {
    }

    static AvePointEndpoints endpoints(Sandbox sandbox) {
        return AvePointEndpoints.of(sandbox.baseUrl() + "/connect/token", sandbox.baseUrl());
    }

    static AvePointCredentials secret(Sandbox sandbox) {
        return AvePointCredentials.secret(sandbox.avepoint().clientId(), sandbox.avepoint().clientSecret());
    }

    static AvePointCredentials certificate(Sandbox sandbox) {
        return AvePointCredentials.certificate(sandbox.avepoint().clientId(), sandbox.avepoint().certificate().certificate(),
                sandbox.avepoint().certificate().privateKey());
    }

    static AvePointClient client(Sandbox sandbox, AvePointCredentials credentials, ApiGeneration generation) {
        return AvePointClient.connect(HTTP, Json.newMapper(), endpoints(sandbox), credentials, generation, Clock.systemUTC())
                .withRetryPolicy(FAST);
    }
}
