package io.jenkins.plugins.iacjobs.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches requests to registered {@link Route}s, counts them, injects faults on API routes and turns
 * {@link ApiError}s into error bodies in the route's {@link ApiDialect}.
 */
public final class Router implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private static final String INTERNAL_PREFIX = "/sandbox/";

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final SandboxCounters counters;
    private final FaultInjector faults;

    Router(SandboxCounters counters, FaultInjector faults) {
        this.counters = counters;
        this.faults = faults;
    }

    public SandboxCounters counters() {
        return counters;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Registers an API route: bearer-protected business endpoints that faults may hit. */
    public Router api(String method, String path, ApiDialect dialect, String counter, RouteHandler handler) {
        return add(new Route(method, PathPattern.of(path), dialect, true, counter, handler));
    }

    /** Registers a route faults never hit (token endpoints, sandbox control endpoints). */
    public Router plain(String method, String path, ApiDialect dialect, String counter, RouteHandler handler) {
        return add(new Route(method, PathPattern.of(path), dialect, false, counter, handler));
    }

    public Router add(Route route) {
        routes.add(route);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            dispatch(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "request failed: " + exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean internal = path.startsWith(INTERNAL_PREFIX);
        if (!internal) {
            counters.increment(SandboxCounters.TOTAL_REQUESTS);
        }
        Route matched = null;
        Map<String, String> variables = null;
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> vars = route.path().match(path);
            if (vars.isPresent()) {
                pathKnown = true;
                if (route.method().equalsIgnoreCase(exchange.getRequestMethod())) {
                    matched = route;
                    variables = vars.get();
                    break;
                }
            }
        }
        if (matched == null) {
            SandboxRequest request = new SandboxRequest(exchange, ApiDialect.PLAIN, Map.of());
            if (pathKnown) {
                request.respondError(405, "method.not.allowed", "Method " + exchange.getRequestMethod() + " is not allowed on " + path);
            } else {
                request.respondError(404, "not.found", "No sandbox route for " + exchange.getRequestMethod() + " " + path);
            }
            return;
        }
        if (matched.counter() != null) {
            counters.increment(matched.counter());
        }
        SandboxRequest request = new SandboxRequest(exchange, matched.dialect(), variables);
        try {
            if (!internal) {
                faults.applyLatency();
            }
            if (matched.faultable() && faults.maybeFail(request)) {
                return;
            }
            matched.handler().handle(request);
        } catch (ApiError e) {
            if (!request.responded()) {
                request.respondError(e.status(), e.code(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox handler failed for " + exchange.getRequestMethod() + " " + path, e);
            if (!request.responded()) {
                request.respondError(500, "internal.server.error", "Sandbox handler failed: " + e);
            }
        }
    }
}
