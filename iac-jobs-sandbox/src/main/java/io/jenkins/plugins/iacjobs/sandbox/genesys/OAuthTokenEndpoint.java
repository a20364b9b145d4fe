package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** {@code POST /oauth/token}, client credentials grant with HTTP Basic client authentication (API-DIGEST §1.3). */
final class OAuthTokenEndpoint {

    static final String PATH = "/oauth/token";

    private final String clientId;
    private final String clientSecret;
    private final TokenStore tokens;

    OAuthTokenEndpoint(String clientId, String clientSecret, TokenStore tokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
    }

    void token(SandboxRequest request) throws IOException {
        String[] credentials = basicCredentials(request.header("Authorization"));
        if (credentials == null) {
            oauthError(request, 401, "invalid_client", "Client authentication required: send HTTP Basic client id and secret");
            return;
        }
        if (!constantTimeEquals(credentials[0], clientId) || !constantTimeEquals(credentials[1], clientSecret)) {
            oauthError(request, 401, "invalid_client", "Client authentication failed: unknown client or wrong secret");
            return;
        }
        Map<String, List<String>> form = request.bodyForm();
        List<String> grant = form.get("grant_type");
        if (grant == null || grant.isEmpty() || grant.get(0).isEmpty()) {
            oauthError(request, 400, "invalid_request", "Missing grant_type; expected grant_type=client_credentials");
            return;
        }
        if (!"client_credentials".equals(grant.get(0))) {
            oauthError(request, 400, "unsupported_grant_type", "Unsupported grant_type '" + grant.get(0) + "'");
            return;
        }
        ObjectNode body = Json.object();
        body.put("access_token", tokens.issue(clientId));
        body.put("token_type", "bearer");
        body.put("expires_in", (int) tokens.lifetimeSeconds());
        request.setHeader("Cache-Control", "no-store");
        request.respondJson(200, body);
    }

    private static void oauthError(SandboxRequest request, int status, String error, String description) throws IOException {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("description", description);
        body.put("error_description", description);
        request.respondJson(status, body);
    }

    /** {@code [id, secret]} from {@code Basic base64(id:secret)}, or null. */
    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
