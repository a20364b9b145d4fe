package io.jenkins.plugins.iacjobs.core.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;

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

    @Override
    public Kind kind() {
        return Kind.MALFORMED_RESPONSE;
    }
}
