package io.jenkins.plugins.iacjobs.core.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import java.time.Duration;
import java.util.Optional;

/**
 * The remote system answered with an HTTP error. Carries the status, the correlation id the remote sent
 * (Genesys: {@code ININ-Correlation-Id}) and the remote's own message, as one readable line.
 */
public class RemoteApiException extends IacJobsException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final @CheckForNull String correlationId;
    private final @CheckForNull String remoteMessage;
    private final @CheckForNull Duration retryAfter;

    public RemoteApiException(String system, String operation, int status, @CheckForNull String correlationId,
                              @CheckForNull String remoteMessage, @CheckForNull Duration retryAfter) {
        super(format(system, operation, status, correlationId, remoteMessage));
        this.status = status;
        this.correlationId = correlationId;
        this.remoteMessage = remoteMessage;
        this.retryAfter = retryAfter;
    }

    static String format(String system, String operation, int status, @CheckForNull String correlationId,
                         @CheckForNull String remoteMessage) {
        StringBuilder b = new StringBuilder(system).append(": ").append(operation).append(" failed: HTTP ").append(status);
        if (remoteMessage != null && !remoteMessage.isBlank()) {
            b.append(": ").append(remoteMessage.strip());
        }
        String hint = hintFor(status);
        if (hint != null) {
            b.append(". ").append(hint);
        }
        if (correlationId != null && !correlationId.isBlank()) {
            b.append(" (correlation id ").append(correlationId).append(')');
        }
        return b.toString();
    }

    @CheckForNull
    private static String hintFor(int status) {
        return switch (status) {
            case 401 -> "Check the credentials: the client id, secret or token was not accepted";
            case 403 -> "The credentials were accepted but lack a permission this call needs";
            case 404 -> "Check the id: the remote system does not know it";
            case 429 -> "The remote system is rate-limiting this client; try again later or poll less often";
            case 502, 503, 504 -> "The remote system is unavailable or overloaded; try again later";
            default -> null;
        };
    }

    public int status() {
        return status;
    }

    @CheckForNull
    public String correlationId() {
        return correlationId;
    }

    @CheckForNull
    public String remoteMessage() {
        return remoteMessage;
    }

    /** How long the remote asked us to wait (429 / 503 with {@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether repeating the same idempotent call later may succeed. */
    public boolean isTransient() {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    @Override
    public Kind kind() {
        return status == 401 || status == 403 ? Kind.AUTHENTICATION : Kind.REMOTE;
    }
}
