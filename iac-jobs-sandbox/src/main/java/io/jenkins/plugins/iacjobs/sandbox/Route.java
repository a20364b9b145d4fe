package io.jenkins.plugins.iacjobs.sandbox;

import java.util.Objects;

/**
 * One registered endpoint.
 *
 * @param method     HTTP method
 * @param path       path pattern
 * @param dialect    how errors and common headers look on this route
 * @param faultable  whether the {@link FaultPlan} may hit this route (API calls yes; token endpoints and /sandbox/* no)
 * @param counter    the {@link SandboxCounters} name incremented when the route is matched, or null
 * @param handler    the handler
 */
public record Route(String method, PathPattern path, ApiDialect dialect, boolean faultable, String counter,
                    RouteHandler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(handler, "handler");
    }
}
