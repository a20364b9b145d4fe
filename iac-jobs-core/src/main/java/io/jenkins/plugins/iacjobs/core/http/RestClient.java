package io.jenkins.plugins.iacjobs.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.WaitTimeoutException;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiRequest}s with the retry policy, bearer tokens and error mapping every remote system shares.
 * Immutable; the {@code with*} methods return copies.
 *
 * <ul>
 *   <li>429: waits {@code Retry-After} (seconds or HTTP date, capped) or backs off, then retries; safe for any call.</li>
 *   <li>502/503/504 and I/O failures: retried with jittered backoff for idempotent calls only. For a
 *       non-idempotent call they raise {@link OutcomeUnknownException} so the caller looks the result up.</li>
 *   <li>401 with a token source: the token is invalidated and refreshed, and the call retried; each new token
 *       gets one such retry, {@value #MAX_TOKEN_REFRESHES} at most per call.</li>
 *   <li>3xx: an error naming the target. Redirects are never followed, so credentials and bodies go nowhere else.</li>
 *   <li>Any other error: {@link RemoteApiException} with status, correlation id and the remote's message.</li>
 * </ul>
 * Every call has a total time limit (the client's call timeout), JSON bodies are read up to
 * {@value #MAX_JSON_BODY} bytes, and a copy {@link #withDeadline with a deadline} never sleeps or sends past it.
 */
public final class RestClient {
    private static final List<String> CORRELATION_HEADERS = List.of("ININ-Correlation-Id", "X-Correlation-Id", "X-Request-Id");
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    static final int MAX_TOKEN_REFRESHES = 3;
    static final long MAX_JSON_BODY = 32L * 1024 * 1024;
    /** What OkHttp reads of a response's status line and headers; more is an {@link EOFException} "not found: limit=". */
    static final int MAX_HEADER_BYTES = 256 * 1024;

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final @CheckForNull TokenSource tokens;
    private final String system;
    private final RemoteErrorDecoder errors;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ServerClock serverClock;
    @CheckForNull
    private final Instant deadline;

    private RestClient(OkHttpClient http, ObjectMapper json, @CheckForNull TokenSource tokens, String system, RemoteErrorDecoder errors,
                       RetryPolicy retry, Sleeper sleeper, Clock clock, ServerClock serverClock, @CheckForNull Instant deadline) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
        this.system = system;
        this.errors = errors;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.serverClock = serverClock;
        this.deadline = deadline;
    }

    /** @param tokens null for calls that carry their own authentication (token endpoints) */
    public static RestClient create(OkHttpClient http, ObjectMapper json, @CheckForNull TokenSource tokens, String system,
                                    RemoteErrorDecoder errors) {
        Clock clock = Clock.systemUTC();
        return new RestClient(http, json, tokens, system, errors, RetryPolicy.defaults(), Sleeper.SYSTEM, clock,
                new ServerClock(clock), null);
    }

    public RestClient withRetryPolicy(RetryPolicy policy) {
        return new RestClient(http, json, tokens, system, errors, policy, sleeper, clock, serverClock, deadline);
    }

    public RestClient withSleeper(Sleeper s) {
        return new RestClient(http, json, tokens, system, errors, retry, s, clock, serverClock, deadline);
    }

    /**
     * A copy that gives up, with a {@link WaitTimeoutException}, rather than send or wait for a retry past
     * {@code limit}, and that cuts each call's time limit to what is left (a job's overall timeout).
     */
    public RestClient withDeadline(@CheckForNull Instant limit) {
        return new RestClient(http, json, tokens, system, errors, retry, sleeper, clock, serverClock, limit);
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
            byte[] body = boundedBody(request, expected, response);
            try {
                T value = json.readValue(body, type);
                if (value == null) { // the body was JSON null: no caller can use that as the answer it asked for
                    throw malformed(request, expected, response, "null");
                }
                return value;
            } catch (JsonProcessingException e) {
                throw malformed(request, expected, response, new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8));
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
        Set<String> refused = new HashSet<>();
        while (true) {
            attempt++;
            String token = tokens == null ? null : tokens.accessToken(deadline);
            Response response;
            try {
                Call call = http.newCall(toOkHttp(request, token));
                limit(call, request);
                response = call.execute();
            } catch (IOException e) {
                boolean hugeHeaders = headersTooLarge(e);
                if (!request.idempotent()) {
                    throw outcomeUnknown(request, hugeHeaders ? "its headers were larger than " + (MAX_HEADER_BYTES >> 10)
                            + " KB, not read" : describe(e));
                }
                if (hugeHeaders) { // asking again gets the same: an answer we cannot read, not a network failure
                    throw MalformedResponseException.headersTooLarge(system, request.operation(), request.url().host());
                }
                if (pastDeadline()) {
                    throw timedOut(request, "the call did not finish in time (" + describe(e) + ")", false);
                }
                if (attempt < retry.maxAttempts() && !(e instanceof InterruptedIOException && Thread.currentThread().isInterrupted())) {
                    pause(request, retry.backoff(attempt), null);
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
                            pause(request, retry.backoff(attempt), null);
                            continue;
                        }
                        throw unreachable(request, e, attempt);
                    }
                }
                if (code >= 300 && code < 400) {
                    throw redirected(request, response);
                }
                String body = errorBody(response);
                if (code == 401 && tokens != null && refused.size() < MAX_TOKEN_REFRESHES && refused.add(token)) {
                    tokens.invalidate(token); // a new token gets one try; a token refused before is not tried again
                    attempt--; // the refresh retry is not a backoff retry
                    continue;
                }
                Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
                boolean gateway = code == 502 || code == 503 || code == 504;
                if ((code == 429 || (gateway && request.idempotent())) && attempt < retry.maxAttempts()) {
                    pause(request, retry.delay(attempt, retryAfter), retryAfter);
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

    /** The call's total time: the request's own or the client's, cut to what is left before the deadline. */
    private void limit(Call call, ApiRequest request) {
        Duration total = request.callTimeout() != null ? request.callTimeout()
                : http.callTimeoutMillis() > 0 ? Duration.ofMillis(http.callTimeoutMillis()) : null;
        if (deadline != null) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw timedOut(request, "the timeout had passed before it was sent", false);
            }
            total = total == null || left.compareTo(total) < 0 ? left : total;
        }
        if (total != null) {
            call.timeout().timeout(total.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean pastDeadline() {
        return deadline != null && !clock.instant().isBefore(deadline);
    }

    /** Sleeps before a retry, unless the retry would come after the deadline. */
    private void pause(ApiRequest request, Duration delay, @CheckForNull Duration askedFor) {
        if (deadline != null && clock.instant().plus(delay).isAfter(deadline)) {
            throw timedOut(request, askedFor != null
                    ? "the remote asked to wait " + askedFor.toSeconds() + " s (Retry-After) before trying again, past the timeout"
                    : "the next try would come after the timeout", askedFor != null);
        }
        Sleeper.sleepOrAbort(sleeper, delay);
    }

    /**
     * @param refused whether the remote refused the last send (429), so that it made nothing; otherwise this call was
     *                not sent. Either way only this call is meant: what an earlier send of the same thing did is the
     *                caller's to say.
     */
    private WaitTimeoutException timedOut(ApiRequest request, String why, boolean refused) {
        return new WaitTimeoutException(system + ": gave up on '" + request.operation() + "': " + why
                + (request.idempotent() ? "" : refused ? "; the remote refused it (HTTP 429), so nothing was created"
                        : "; so it was not sent"));
    }

    /** A response's body as a stream: a call's response always has one, so an absent body reads as empty. */
    public static InputStream bodyStream(Response response) {
        ResponseBody body = response.body();
        return body == null ? InputStream.nullInputStream() : body.byteStream();
    }

    private byte[] boundedBody(ApiRequest request, String expected, Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return new byte[0];
        }
        if (body.contentLength() > MAX_JSON_BODY) {
            throw tooLarge(request, expected, response, body.contentLength() + " bytes");
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) MAX_JSON_BODY + 1);
            if (bytes.length > MAX_JSON_BODY) {
                throw tooLarge(request, expected, response, "more than " + MAX_JSON_BODY + " bytes");
            }
            return bytes;
        }
    }

    private MalformedResponseException tooLarge(ApiRequest request, String expected, Response response, String size) {
        return new MalformedResponseException(system, request.operation(), expected + " of at most " + (MAX_JSON_BODY >> 20) + " MB",
                response.code(), correlationId(response), "a body of " + size + ", not read");
    }

    private RemoteApiException redirected(ApiRequest request, Response response) {
        String target = response.header("Location");
        return new RemoteApiException(system, request.operation(), response.code(), correlationId(response),
                "the server redirects to " + (target == null ? "an unnamed place" : Printable.of(target))
                        + "; redirects are not followed, so credentials and request bodies never go to another address."
                        + " If that is the right service, use its address as the URL", null);
    }

    private Request toOkHttp(ApiRequest request, @CheckForNull String token) {
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

    @CheckForNull
    private static String errorBody(Response response) {
        try {
            ResponseBody peek = response.peekBody(ERROR_BODY_LIMIT);
            return peek.string();
        } catch (IOException e) {
            return null;
        }
    }

    @CheckForNull
    static String correlationId(Response response) {
        for (String h : CORRELATION_HEADERS) {
            String v = response.header(h);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private MalformedResponseException malformed(ApiRequest request, String expected, Response response, @CheckForNull String text) {
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

    /**
     * OkHttp's sign of a status line and headers longer than it reads ({@value #MAX_HEADER_BYTES} bytes in all): an
     * {@link EOFException} "\\n not found: limit=N content=…" from its line reader, wrapped in "unexpected end of
     * stream". N is what was buffered, up to the header budget left; a connection that merely closes early gives the
     * same words with a small N (0 when nothing came), so only an N of half the budget or more counts as too large.
     */
    static boolean headersTooLarge(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf("not found: limit=");
            if (t instanceof EOFException && at >= 0) {
                String digits = m.substring(at + "not found: limit=".length()).replaceFirst("(?s)^(\\d+).*$", "$1");
                try {
                    return Long.parseLong(digits) >= MAX_HEADER_BYTES / 2;
                } catch (NumberFormatException unreadable) {
                    return false;
                }
            }
        }
        return false;
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
        String excerpt = Excerpts.of(m);
        return excerpt == null || excerpt.isBlank() ? e.getClass().getSimpleName() : excerpt;
    }
}
