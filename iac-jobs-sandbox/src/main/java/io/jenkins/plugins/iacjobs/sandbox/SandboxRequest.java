package io.jenkins.plugins.iacjobs.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A matched request: path variables, query and body access, and JSON responses in the route's dialect. */
public final class SandboxRequest {

    /** Writes a streamed JSON body. */
    @FunctionalInterface
    public interface JsonBodyWriter {
        void write(JsonGenerator generator) throws IOException;
    }

    private final HttpExchange exchange;
    private final ApiDialect dialect;
    private final Map<String, String> pathVariables;
    private final Map<String, List<String>> query;
    private byte[] body;
    private boolean responded;

    SandboxRequest(HttpExchange exchange, ApiDialect dialect, Map<String, String> pathVariables) {
        this.exchange = exchange;
        this.dialect = dialect;
        this.pathVariables = pathVariables;
        this.query = parseForm(exchange.getRequestURI().getRawQuery());
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /** How errors and common headers look on the route this request matched. */
    public ApiDialect dialect() {
        return dialect;
    }

    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** An integer query parameter within [min, max]; a 400 names the parameter otherwise. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        String raw = query(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Query parameter '" + name + "' must be an integer, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw ApiError.badRequest("Query parameter '" + name + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A boolean query parameter ({@code true}/{@code false}, any case); a 400 names the parameter otherwise. */
    public boolean queryBoolean(String name, boolean defaultValue) {
        String raw = query(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.badRequest("Query parameter '" + name + "' must be true or false, got '" + raw + "'");
        };
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The bearer token of the Authorization header, or null. */
    public String bearerToken() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = auth.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    public byte[] body() throws IOException {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
        }
        return body;
    }

    /** The body as JSON; a 400 when it is empty or not JSON. */
    public JsonNode bodyJson() throws IOException {
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw ApiError.badRequest("Request body is required");
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The body as {@code application/x-www-form-urlencoded} fields. */
    public Map<String, List<String>> bodyForm() throws IOException {
        return parseForm(new String(body(), StandardCharsets.UTF_8));
    }

    public boolean responded() {
        return responded;
    }

    public void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    /** Sends a complete JSON body. */
    public void respondJson(int status, JsonNode json) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
        startResponse(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Streams a JSON body (chunked) so a large document is never held in memory. */
    public void respondStreaming(int status, JsonBodyWriter writer) throws IOException {
        startResponse(status, 0);
        try (OutputStream out = exchange.getResponseBody();
             JsonGenerator generator = Json.factory().createGenerator(out)) {
            writer.write(generator);
        }
    }

    /** Sends a complete body of any content type (logs, another framework's error page). */
    public void respondBytes(int status, String contentType, byte[] bytes) throws IOException {
        startResponse(status, bytes.length == 0 ? -1 : bytes.length, contentType);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Answers with no body at all, as 204 No Content does. */
    public void respondNoContent() throws IOException {
        startResponse(204, -1, null);
    }

    /** Answers with an error body in this route's dialect. */
    public void respondError(int status, String code, String message) throws IOException {
        respondJson(status, dialect.errorBody(status, code, message));
    }

    /** Closes the connection without any response, as a lost response would look to the client. */
    public void dropConnection() {
        responded = true;
        exchange.close();
    }

    private void startResponse(int status, long length) throws IOException {
        startResponse(status, length, dialect.contentType());
    }

    private void startResponse(int status, long length, String contentType) throws IOException {
        if (responded) {
            throw new IllegalStateException("response already sent for " + method() + " " + path());
        }
        responded = true;
        dialect.addResponseHeaders(exchange.getResponseHeaders());
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, length);
    }

    static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }
}
