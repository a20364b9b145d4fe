package io.jenkins.plugins.iacjobs.sandbox.terrakube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiDialect;
import io.jenkins.plugins.iacjobs.sandbox.Json;

/**
 * Terrakube (Elide) errors are JSON:API {@code {"errors":[{"detail":...}]}}. Tokens are personal access tokens or
 * team tokens that nothing refreshes, so an injected 401 revokes nothing: the client's one retry succeeds.
 */
final class TerrakubeDialect implements ApiDialect {
    static final String JSON_API = "application/vnd.api+json";

    @Override
    public ObjectNode errorBody(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("detail", message);
        return body;
    }

    @Override
    public String contentType() {
        return JSON_API;
    }
}
