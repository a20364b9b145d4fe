package io.jenkins.plugins.iacjobs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

/**
 * How one remote API speaks when something goes wrong: its error body, the headers it adds to every
 * response, and what "your credential was revoked" means for it. Each stand-in system supplies one,
 * so the router and the fault injector stay system-neutral.
 */
public interface ApiDialect {

    /** A dialect with a minimal {@code {"message","code","status"}} body and no extra headers. */
    ApiDialect PLAIN = new ApiDialect() {
        @Override
        public ObjectNode errorBody(int status, String code, String message) {
            ObjectNode body = Json.object();
            body.put("message", message);
            body.put("code", code);
            body.put("status", status);
            return body;
        }
    };

    /** Renders this API's error body. */
    ObjectNode errorBody(int status, String code, String message);

    /** The content type of this API's JSON bodies, errors included. */
    default String contentType() {
        return "application/json";
    }

    /** Adds headers this API sends on every response (e.g. a correlation id). */
    default void addResponseHeaders(Headers headers) {
    }

    /** Revokes the bearer token a request carried (null: it had none), so the caller must fetch a fresh one. */
    default void revokeCaller(String bearerToken) {
    }
}
