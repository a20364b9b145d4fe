package io.jenkins.plugins.iacjobs.core.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.RemoteErrorDecoder;
import java.io.IOException;

/** Reads Genesys Cloud's {@code ErrorBody}: "code: message", with field details when given. */
final class GenesysErrors implements RemoteErrorDecoder {
    static final GenesysErrors INSTANCE = new GenesysErrors();

    @Override
    @CheckForNull
    public String decode(int status, String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = json.readTree(body);
            if (n != null && n.isObject() && (n.has("message") || n.has("code"))) {
                String code = n.path("code").asText("");
                String message = n.path("message").asText("");
                StringBuilder b = new StringBuilder();
                if (!code.isBlank()) {
                    b.append(code);
                }
                if (!message.isBlank()) {
                    b.append(b.length() > 0 ? ": " : "").append(message);
                }
                for (JsonNode d : n.path("details")) {
                    String field = d.path("fieldName").asText("");
                    if (!field.isBlank()) {
                        b.append(" [field ").append(field).append(']');
                    }
                }
                return b.toString();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the excerpt
        }
        return Excerpts.of(body);
    }
}
