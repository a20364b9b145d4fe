package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** The environment a user exports to reach a sandbox, per system, as the CLI's tests pass it. */
final class SandboxEnv {
    private SandboxEnv() {
    }

    static Map<String, String> genesys(Sandbox s) {
        return Map.of("IACJOBS_BASE_URL", s.baseUrl(), GenesysOptions.ENV_CLIENT_ID, s.genesysClientId(),
                GenesysOptions.ENV_CLIENT_SECRET, s.genesysClientSecret());
    }

    /** With the sandbox's organization, so that commands need no {@code --organization}. */
    static Map<String, String> terrakube(Sandbox s) {
        return Map.of(TerrakubeOptions.ENV_URL, s.baseUrl(), TerrakubeOptions.ENV_TOKEN, s.terrakube().token(),
                TerrakubeOptions.ENV_ORGANIZATION, TerrakubeSandbox.ORGANIZATION);
    }

    static Map<String, String> avepoint(Sandbox s) {
        return Map.of(AvePointOptions.ENV_CLIENT_ID, s.avepoint().clientId(),
                AvePointOptions.SECRET_VARIABLE, s.avepoint().clientSecret(),
                AvePointOptions.ENV_IDENTITY, s.baseUrl() + "/connect/token", AvePointOptions.ENV_DATA_CENTRE, s.baseUrl());
    }

    /** A loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
