package io.jenkins.plugins.iacjobs.core.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;

/** The remote answered, but not with what its API documents. Quotes what was expected and what came. */
public final class MalformedResponseException extends IacJobsException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String system, String operation, String expected, int status,
                                      @CheckForNull String correlationId, @CheckForNull String excerpt) {
        super(system + ": " + operation + " returned a response we cannot read: expected " + expected
                + ", got HTTP " + status + (excerpt == null || excerpt.isBlank() ? " with an empty body" : " with body \"" + excerpt + "\"")
                + (correlationId == null ? "" : " (correlation id " + correlationId + ")")
                + ". Check that the base URL points at the right service");
    }

    private MalformedResponseException(String message) {
        super(message);
    }

    /**
     * An answer whose headers are larger than an HTTP client reads (OkHttp: 256 KB in all). Asking again gets the same,
     * so it is not retried.
     */
    public static MalformedResponseException headersTooLarge(String system, String operation, String host) {
        return new MalformedResponseException(system + ": " + operation + " returned a response we cannot read: its headers"
                + " are larger than " + (RestClient.MAX_HEADER_BYTES >> 10) + " KB in all (not read), from " + Printable.of(host)
                + ". Check that the base URL points at the right service, and any proxy in between");
    }

    @Override
    public Kind kind() {
        return Kind.MALFORMED_RESPONSE;
    }
}
