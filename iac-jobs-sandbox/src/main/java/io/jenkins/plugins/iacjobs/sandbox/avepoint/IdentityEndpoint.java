package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /connect/token} of AvePoint Online Services (API-DIGEST §3.3): client credentials with the secret in
 * the form body (not HTTP Basic), or a JWT client assertion; the scope {@code dynamics.readwrite.all} alone.
 * Errors are OAuth bodies with status 400, as IdentityServer answers.
 */
final class IdentityEndpoint {
    static final String PATH = "/connect/token";
    static final String SCOPE = "dynamics.readwrite.all";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String clientId;
    private final String clientSecret;
    private final AssertionCheck assertions;
    private final IssuedTokens tokens;

    IdentityEndpoint(String clientId, String clientSecret, AssertionCheck assertions, IssuedTokens tokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.assertions = assertions;
        this.tokens = tokens;
    }

    void token(SandboxRequest request) throws IOException {
        if (request.header("Authorization") != null) {
            error(request, "invalid_request", "send client_id and client_secret in the form body, not in an Authorization header");
            return;
        }
        Map<String, List<String>> form = request.bodyForm();
        if (!"client_credentials".equals(first(form, "grant_type"))) {
            error(request, "unsupported_grant_type", "grant_type must be client_credentials");
            return;
        }
        String scope = first(form, "scope");
        if (scope == null || scope.isBlank()) {
            error(request, "invalid_scope", "scope is required; request " + SCOPE);
            return;
        }
        if (!scope.strip().toLowerCase(Locale.ROOT).equals(SCOPE)) {
            error(request, "invalid_scope", scope.contains(" ") && scope.toLowerCase(Locale.ROOT).contains(SCOPE)
                    ? SCOPE + " must be requested alone" : "unknown scope '" + scope + "'");
            return;
        }
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        String assertion = first(form, "client_assertion");
        if (id == null || !equal(id, clientId)) {
            error(request, "invalid_client", "unknown client_id");
            return;
        }
        if (secret != null && assertion != null) {
            error(request, "invalid_request", "send either client_secret or client_assertion, not both");
            return;
        }
        if (assertion != null) {
            if (!ASSERTION_TYPE.equals(first(form, "client_assertion_type"))) {
                error(request, "invalid_client", "client_assertion_type must be " + ASSERTION_TYPE);
                return;
            }
            String problem = assertions.problem(assertion, "http://" + request.header("Host") + PATH);
            if (problem != null) {
                error(request, "invalid_client", problem);
                return;
            }
        } else if (secret == null || !equal(secret, clientSecret)) {
            error(request, "invalid_client", secret == null ? "no client_secret or client_assertion" : "wrong client_secret");
            return;
        }
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.lifetimeSeconds());
        body.put("ext_expires_in", tokens.lifetimeSeconds());
        body.put("access_token", tokens.issue());
        request.setHeader("Cache-Control", "no-store");
        request.respondJson(200, body);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void error(SandboxRequest request, String error, String description) throws IOException {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        request.respondJson(400, body);
    }
}
