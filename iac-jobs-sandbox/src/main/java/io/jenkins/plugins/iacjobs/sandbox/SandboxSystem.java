package io.jenkins.plugins.iacjobs.sandbox;

/** One remote system the sandbox stands in for; it registers its routes on the shared router. */
public interface SandboxSystem {

    /** A short name for logs, e.g. {@code genesys}. */
    String name();

    void registerRoutes(Router router);
}
