package io.jenkins.plugins.iacjobs.sandbox;

import java.io.IOException;

/** Answers one matched request. Throw {@link ApiError} for an error response in the route's dialect. */
@FunctionalInterface
public interface RouteHandler {
    void handle(SandboxRequest request) throws IOException;
}
