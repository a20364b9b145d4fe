package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiDialect;
import io.jenkins.plugins.iacjobs.sandbox.Json;

/**
 * AvePoint documents no error body (API-DIGEST §3.3), so the stand-in answers with the shape ASP.NET Core uses for
 * problems ({@code title}, {@code status}) plus {@code code} and {@code message}, and no correlation header.
 */
final class AvePointDialect implements ApiDialect {
    private final IssuedTokens tokens;

    AvePointDialect(IssuedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public ObjectNode errorBody(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.put("title", message);
        body.put("status", status);
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    @Override
    public void revokeCaller(String token) {
        tokens.revoke(token);
    }
}
