package io.jenkins.plugins.iacjobs.core.terrakube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.http.Excerpts;
import io.jenkins.plugins.iacjobs.core.http.RemoteErrorDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Terrakube errors: JSON:API {@code {"errors":[{"detail":...}]}} from Elide, and Spring's own
 * {@code {"status","error","message"}} for requests Elide never saw. A 500 gets a hint, because Terrakube answers
 * 500 to a token it cannot verify (it tries OIDC discovery for it) rather than 401.
 */
final class TerrakubeErrors implements RemoteErrorDecoder {
    static final TerrakubeErrors INSTANCE = new TerrakubeErrors();
    static final String TOKEN_HINT = "Terrakube answers 500 when it cannot verify the token (malformed, expired, deleted,"
            + " or not issued by this Terrakube), so this is likely a token or permission problem: check the personal"
            + " access token or team token";

    @Override
    @CheckForNull
    public String decode(int status, String body, ObjectMapper json) {
        String message = message(body, json);
        if (status == 500) {
            return message == null ? TOKEN_HINT : message + ". " + TOKEN_HINT;
        }
        return message;
    }

    @CheckForNull
    private static String message(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = json.readTree(body);
            if (n != null && n.path("errors").isArray()) {
                List<String> details = new ArrayList<>();
                for (JsonNode e : n.get("errors")) {
                    String d = e.path("detail").asText(e.path("title").asText(""));
                    if (!d.isBlank()) {
                        details.add(d.strip());
                    }
                }
                if (!details.isEmpty()) {
                    return Excerpts.of(String.join("; ", details));
                }
            }
            if (n != null && n.isObject() && (n.has("error") || n.has("message"))) {
                String error = n.path("error").asText("");
                String msg = n.path("message").asText("");
                return Excerpts.of(msg.isBlank() || msg.equals("No message available") ? error : error.isBlank() ? msg : error + ": " + msg);
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the excerpt
        }
        return Excerpts.of(body);
    }
}
