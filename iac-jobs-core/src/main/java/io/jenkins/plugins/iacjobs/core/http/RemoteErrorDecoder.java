package io.jenkins.plugins.iacjobs.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Turns a remote error body into the remote's own message. Each system has its own error shape. */
@FunctionalInterface
public interface RemoteErrorDecoder {
    /** The message to show, or null when the body says nothing useful. Must not throw. */
    @CheckForNull
    String decode(int status, String body, ObjectMapper json);

    /** For systems with no documented error shape: a short excerpt of the body. */
    static RemoteErrorDecoder excerpt() {
        return (status, body, json) -> Excerpts.of(body);
    }
}
