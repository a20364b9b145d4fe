package io.jenkins.plugins.iacjobs.core.http;

import java.io.IOException;
import okhttp3.Response;

/** Reads a successful (2xx) response. It may stream the body; the caller closes the response. */
@FunctionalInterface
public interface ResponseReader<T> {
    T read(Response response) throws IOException;
}
