package io.jenkins.plugins.iacjobs.sandbox;

import io.jenkins.plugins.iacjobs.sandbox.genesys.HistoryShape;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * How a {@link Sandbox} runs. Start from {@link #defaults()} and use the withers.
 *
 * @param port                  TCP port on 127.0.0.1; 0 picks a free one
 * @param faults                fault injection
 * @param timeScale             multiplies every job phase duration (1.0 = default durations; tests use e.g. 0.01)
 * @param genesysClientId       the one OAuth client the Genesys stand-in accepts
 * @param genesysClientSecret   its secret; generated ({@code sbx-} + 32 url-safe characters) when null
 * @param tokenLifetimeSeconds  {@code expires_in} of issued tokens; they really expire
 * @param historyShape          the payload shape of {@code GET /api/v2/infrastructureascode/jobs}
 * @param httpThreads           size of the server's fixed thread pool
 */
public record SandboxConfig(int port, FaultPlan faults, double timeScale, String genesysClientId,
                            String genesysClientSecret, int tokenLifetimeSeconds, HistoryShape historyShape,
                            int httpThreads) {

    public static final String DEFAULT_CLIENT_ID = "sandbox-client";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(faults, "faults");
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number >= 0, got " + timeScale);
        }
        if (genesysClientId == null || genesysClientId.isBlank()) {
            throw new IllegalArgumentException("genesysClientId must not be blank");
        }
        if (genesysClientSecret == null) {
            genesysClientSecret = generateSecret();
        }
        if (tokenLifetimeSeconds <= 0) {
            throw new IllegalArgumentException("tokenLifetimeSeconds must be positive, got " + tokenLifetimeSeconds);
        }
        Objects.requireNonNull(historyShape, "historyShape");
        if (httpThreads < 1) {
            throw new IllegalArgumentException("httpThreads must be at least 1, got " + httpThreads);
        }
    }

    /** Ephemeral port, no faults, time scale 1.0, client {@code sandbox-client} with a fresh random secret, 1 h tokens. */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, FaultPlan.none(), 1.0, DEFAULT_CLIENT_ID, null, 3600, HistoryShape.ENTITIES, 16);
    }

    /** {@code sbx-} followed by 32 random url-safe characters. */
    public static String generateSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "sbx-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, faults, timeScale, genesysClientId, genesysClientSecret, tokenLifetimeSeconds, historyShape, httpThreads);
    }

    public SandboxConfig withFaults(FaultPlan faults) {
        return new SandboxConfig(port, faults, timeScale, genesysClientId, genesysClientSecret, tokenLifetimeSeconds, historyShape, httpThreads);
    }

    public SandboxConfig withTimeScale(double timeScale) {
        return new SandboxConfig(port, faults, timeScale, genesysClientId, genesysClientSecret, tokenLifetimeSeconds, historyShape, httpThreads);
    }

    public SandboxConfig withGenesysClient(String clientId, String clientSecret) {
        return new SandboxConfig(port, faults, timeScale, clientId, clientSecret, tokenLifetimeSeconds, historyShape, httpThreads);
    }

    public SandboxConfig withTokenLifetimeSeconds(int seconds) {
        return new SandboxConfig(port, faults, timeScale, genesysClientId, genesysClientSecret, seconds, historyShape, httpThreads);
    }

    public SandboxConfig withHistoryShape(HistoryShape shape) {
        return new SandboxConfig(port, faults, timeScale, genesysClientId, genesysClientSecret, tokenLifetimeSeconds, shape, httpThreads);
    }

    public SandboxConfig withHttpThreads(int threads) {
        return new SandboxConfig(port, faults, timeScale, genesysClientId, genesysClientSecret, tokenLifetimeSeconds, historyShape, threads);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", faults=" + faults + ", timeScale=" + timeScale
                + ", genesysClientId=" + genesysClientId + ", tokenLifetimeSeconds=" + tokenLifetimeSeconds
                + ", historyShape=" + historyShape + ", httpThreads=" + httpThreads + "]";
    }
}
