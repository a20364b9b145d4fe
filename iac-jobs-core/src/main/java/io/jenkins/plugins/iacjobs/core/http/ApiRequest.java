package io.jenkins.plugins.iacjobs.core.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * One call to a remote API, described before it is sent.
 *
 * @param operation  what the call does, in words, for error messages ("get job 42")
 * @param idempotent whether it is safe to send again when the outcome is unknown
 * @param callTimeout the whole call's limit when not the client's (large downloads), or null
 */
public record ApiRequest(String operation, String method, HttpUrl url, @CheckForNull RequestBody body, boolean idempotent,
                         Map<String, String> headers, @CheckForNull Duration callTimeout) {

    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    public ApiRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiRequest(String operation, String method, HttpUrl url, @CheckForNull RequestBody body, boolean idempotent,
                      Map<String, String> headers) {
        this(operation, method, url, body, idempotent, headers, null);
    }

    public static ApiRequest get(String operation, HttpUrl url) {
        return new ApiRequest(operation, "GET", url, null, true, Map.of());
    }

    /** A POST that creates something: never re-sent blindly. */
    public static ApiRequest create(String operation, HttpUrl url, RequestBody body) {
        return new ApiRequest(operation, "POST", url, body, false, Map.of());
    }

    public ApiRequest withMethod(String newMethod, RequestBody newBody, boolean isIdempotent) {
        return new ApiRequest(operation, newMethod, url, newBody, isIdempotent, headers, callTimeout);
    }

    /** For calls that stream a large body to disk: a longer total limit than the client's. */
    public ApiRequest withCallTimeout(Duration d) {
        return new ApiRequest(operation, method, url, body, idempotent, headers, d);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(operation, method, url, body, idempotent, h, callTimeout);
    }
}
