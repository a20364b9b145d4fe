package io.jenkins.plugins.iacjobs.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.auth.TokenSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiRequest}s with the retry policy, bearer tokens and error mapping every remote system shares.
 * Immutable; the {@code with*} methods return copies.
 *
 * <ul>
 *   <li>429: waits {@code Retry-After} (seconds or HTTP date) or backs off, then retries; safe for any call.</li>
 *   <li>502/503/504 and I/O failures: retried with jittered backoff for idempotent calls only. For a
 *       non-idempotent call they raise {@link OutcomeUnknownException} so the caller looks the result up.</li>
 *   <li>401 with a token source: the token is invalidated, refreshed once and the call retried once.</li>
 *   <li>Any other error: {@link RemoteApiException} with status, correlation id and the remote's message.</li>
 * </ul>
 */
public final class RestClient {
    private static final List<String> CORRELATION_HEADERS = List.of("ININ-Correlation-Id", "X-Correlation-Id", "X-Request-Id");
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final TokenSource tokens;
    private final String system;
    private final RemoteErrorDecoder errors;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ServerClock serverClock;

    private RestClient(OkHttpClient http, ObjectMapper json, TokenSource tokens, String system, RemoteErrorDecoder errors,
                       RetryPolicy retry, Sleeper sleeper, Clock clock, ServerClock serverClock) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
        this.system = system;
        this.errors = errors;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.serverClock = serverClock;
    }

    /** @param tokens null for calls that carry their own authentication (token endpoints) */
    public static RestClient create(OkHttpClient http, ObjectMapper json, TokenSource tokens, String system,
                                    RemoteErrorDecoder errors) {
        Clock clock = Clock.systemUTC();
        return new RestClient(http, json, tokens, system, errors, RetryPolicy.defaults(), Sleeper.SYSTEM, clock, new ServerClock(clock));
    }

    public RestClient withRetryPolicy(RetryPolicy policy) {
        return new RestClient(http, json, tokens, system, errors, policy, sleeper, clock, serverClock);
    }

    public RestClient withSleeper(Sleeper s) {
        return new RestClient(http, json, tokens, system, errors, retry, s, clock, serverClock);
    }

    public ObjectMapper json() {
        return json;
    }

    public OkHttpClient http() {
        return http;
    }

    public String system() {
        return system;
    }

    /** The remote's clock, learnt from the answers this client (and its copies) received. */
    public ServerClock serverClock() {
        return serverClock;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    /** Sends and reads the body as {@code type}; an unreadable body is a {@link MalformedResponseException}. */
    public <T> T sendJson(ApiRequest request, Class<T> type) {
        return sendJson(request, json.constructType(type), "a JSON " + type.getSimpleName());
    }

    public <T> T sendJson(ApiRequest request, JavaType type, String expected) {
        return send(request, response -> {
            String text = response.body() == null ? "" : response.body().string();
            try {
                return json.readValue(text, type);
            } catch (JsonProcessingException e) {
                throw malformed(request, expected, response, text);
            }
        });
    }

    /** Sends and reads the body as a JSON tree, for responses whose shape varies. */
    public JsonNode sendTree(ApiRequest request, String expected) {
        return sendJson(request, json.constructType(JsonNode.class), expected);
    }

    /** Sends a call whose success has no body we need (204). */
    public void sendNoContent(ApiRequest request) {
        send(request, response -> null);
    }

    public <T> T send(ApiRequest request, ResponseReader<T> reader) {
        int attempt = 0;
        boolean refreshed = false;
        while (true) {
            attempt++;
            String token = tokens == null ? null : tokens.accessToken();
            Response response;
            try {
                response = http.newCall(toOkHttp(request, token)).execute();
            } catch (IOException e) {
                if (!request.idempotent()) {
                    throw outcomeUnknown(request, describe(e));
                }
                if (attempt < retry.maxAttempts() && !(e instanceof InterruptedIOException && Thread.currentThread().isInterrupted())) {
                    Sleeper.sleepOrAbort(sleeper, retry.backoff(attempt));
                    continue;
                }
                throw unreachable(request, e, attempt);
            }
            try (response) {
                serverClock.observe(response.header("Date"));
                int code = response.code();
                if (code >= 200 && code < 300) {
                    try {
                        return reader.read(response);
                    } catch (MalformedResponseException e) {
                        throw e;
                    } catch (JsonProcessingException e) {
                        throw malformed(request, "JSON", response, null);
                    } catch (IOException e) {
                        if (!request.idempotent()) {
                            throw outcomeUnknown(request, "the answer broke off: " + describe(e));
                        }
                        if (attempt < retry.maxAttempts()) {
                            Sleeper.sleepOrAbort(sleeper, retry.backoff(attempt));
                            continue;
                        }
                        throw unreachable(request, e, attempt);
                    }
                }
                String body = errorBody(response);
                if (code == 401 && tokens != null && !refreshed) {
                    tokens.invalidate(token);
                    refreshed = true;
                    attempt--; // the refresh retry is not a backoff retry
                    continue;
                }
                Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
                boolean gateway = code == 502 || code == 503 || code == 504;
                if ((code == 429 || (gateway && request.idempotent())) && attempt < retry.maxAttempts()) {
                    Sleeper.sleepOrAbort(sleeper, retry.delay(attempt, retryAfter));
                    continue;
                }
                if (gateway && !request.idempotent()) {
                    throw outcomeUnknown(request, "HTTP " + code + " from " + request.url().host());
                }
                throw new RemoteApiException(system, request.operation(), code, correlationId(response),
                        errors.decode(code, body, json), retryAfter);
            }
        }
    }

    private Request toOkHttp(ApiRequest request, String token) {
        Request.Builder b = new Request.Builder().url(request.url()).method(request.method(), request.body());
        if (!request.headers().containsKey("Accept")) {
            b.header("Accept", "application/json");
        }
        request.headers().forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static String errorBody(Response response) {
        try {
            ResponseBody peek = response.peekBody(ERROR_BODY_LIMIT);
            return peek.string();
        } catch (IOException e) {
            return null;
        }
    }

    static String correlationId(Response response) {
        for (String h : CORRELATION_HEADERS) {
            String v = response.header(h);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private MalformedResponseException malformed(ApiRequest request, String expected, Response response, String text) {
        return new MalformedResponseException(system, request.operation(), expected, response.code(),
                correlationId(response), Excerpts.of(text));
    }

    private OutcomeUnknownException outcomeUnknown(ApiRequest request, String what) {
        return new OutcomeUnknownException(system + ": " + request.operation() + ": no usable answer came back ("
                + what + "), so it is unknown whether the remote acted on it");
    }

    private UnreachableException unreachable(ApiRequest request, IOException e, int attempts) {
        String where = request.url().host() + ":" + request.url().port();
        return new UnreachableException(system + ": " + request.operation() + " could not reach " + where + " ("
                + describe(e) + ") after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + ". Check the URL or region, the network and the proxy settings");
    }

    static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : Excerpts.of(m);
    }
}
