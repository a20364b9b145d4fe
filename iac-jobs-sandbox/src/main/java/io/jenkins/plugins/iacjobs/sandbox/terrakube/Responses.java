package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Answers Terrakube gives outside JSON:API: Spring's own error body, and the server's own base URL. */
final class Responses {

    private Responses() {
    }

    static void springError(SandboxRequest request, int status, String error) throws IOException {
        String body = "{\"timestamp\":\"" + Instant.now() + "\",\"status\":" + status + ",\"error\":\"" + error
                + "\",\"path\":\"" + request.path() + "\"}";
        request.respondBytes(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static String apiUrl(SandboxRequest request) {
        String host = request.header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host);
    }
}
