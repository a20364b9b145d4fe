package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.jenkins.plugins.iacjobs.sandbox.ApiDialect;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import java.util.UUID;

/** Genesys errors are {@code ErrorBody}; every response carries {@code ININ-Correlation-Id}. */
final class GenesysDialect implements ApiDialect {

    static final String CORRELATION_HEADER = "ININ-Correlation-Id";

    private final TokenStore tokens;

    GenesysDialect(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public ObjectNode errorBody(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("code", code);
        body.put("status", status);
        body.put("contextId", UUID.randomUUID().toString());
        body.putObject("messageParams");
        body.putArray("details");
        body.putArray("errors");
        return body;
    }

    @Override
    public void addResponseHeaders(Headers headers) {
        headers.set(CORRELATION_HEADER, UUID.randomUUID().toString());
    }

    @Override
    public void revokeCaller(String token) {
        if (token != null) {
            tokens.revoke(token);
        }
    }
}
