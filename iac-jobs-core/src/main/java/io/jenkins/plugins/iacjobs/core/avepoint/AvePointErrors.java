package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.auth.OAuthClientCredentialsGrant;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.RemoteErrorDecoder;
import java.io.IOException;

/**
 * AvePoint does not document its error body (API-DIGEST §3.3), so this reads the common shapes: OAuth errors
 * from the identity service, {@code message}, {@code error.message} or ASP.NET's {@code title}/{@code errors};
 * anything else becomes an excerpt.
 */
final class AvePointErrors implements RemoteErrorDecoder {
    static final AvePointErrors INSTANCE = new AvePointErrors();

    @Override
    @CheckForNull
    public String decode(int status, String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = json.readTree(body);
            if (n != null && n.isObject()) {
                if (n.has("error") && n.get("error").isTextual()) {
                    return OAuthClientCredentialsGrant.decodeOAuthError(status, body, json);
                }
                String message = text(n.path("error").path("message"));
                if (message == null) {
                    message = text(n.path("message"));
                }
                if (message == null) {
                    message = text(n.path("title"));
                }
                if (message != null) {
                    JsonNode errors = n.path("errors");
                    return errors.isObject() && errors.size() > 0 ? message + " " + Excerpts.of(errors.toString()) : message;
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the excerpt
        }
        return Excerpts.of(body);
    }

    @CheckForNull
    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
