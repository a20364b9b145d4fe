package io.jenkins.plugins.iacjobs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.AvePointSandbox;
import io.jenkins.plugins.iacjobs.sandbox.genesys.GenesysSandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on 127.0.0.1 standing in for the remote IaC APIs, with job state machines, counters and
 * deterministic fault injection. Start with {@link #start(SandboxConfig)}, stop with {@link #close()}.
 */
public final class Sandbox implements AutoCloseable {

    private static final int BACKLOG = 2048;

    static {
        // The JDK server writes headers and body separately; with Nagle on, delayed ACKs add ~40 ms to every
        // response, which would swamp latency measurements. Read once, when the JDK server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxCounters counters;
    private final GenesysSandbox genesys;
    private final TerrakubeSandbox terrakube;
    private final AvePointSandbox avepoint;

    private Sandbox(SandboxConfig config, HttpServer server, ExecutorService executor, SandboxCounters counters,
                    GenesysSandbox genesys, TerrakubeSandbox terrakube, AvePointSandbox avepoint) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.counters = counters;
        this.genesys = genesys;
        this.terrakube = terrakube;
        this.avepoint = avepoint;
    }

    /** Binds 127.0.0.1 on the configured port (0 = ephemeral) and starts serving. */
    public static Sandbox start(SandboxConfig config) {
        SandboxCounters counters = new SandboxCounters();
        FaultInjector faults = new FaultInjector(config.faults(), counters);
        Router router = new Router(counters, faults);
        TokenLog issued = new TokenLog();
        GenesysSandbox genesys = new GenesysSandbox(config, counters, faults, issued, Clock.systemUTC());
        TerrakubeSandbox terrakube = new TerrakubeSandbox(config, counters, faults, Clock.systemUTC());
        AvePointSandbox avepoint = new AvePointSandbox(config, issued, Clock.systemUTC());
        registerControlRoutes(router, counters, issued);
        for (SandboxSystem system : new SandboxSystem[] {genesys, terrakube, avepoint}) {
            system.registerRoutes(router);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + config.port(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(config.httpThreads(), daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        return new Sandbox(config, server, executor, counters, genesys, terrakube, avepoint);
    }

    private static void registerControlRoutes(Router router, SandboxCounters counters, TokenLog issued) {
        router.plain("GET", "/sandbox/counters", ApiDialect.PLAIN, null, request -> {
            ObjectNode body = Json.object();
            counters.snapshot().forEach(body::put);
            request.respondJson(200, body);
        });
        router.plain("GET", "/sandbox/issued-tokens", ApiDialect.PLAIN, null, request -> {
            ObjectNode body = Json.object();
            issued.all().forEach(body.putArray("tokens")::add);
            request.respondJson(200, body);
        });
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "iacjobs-sandbox-http-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** For example {@code http://127.0.0.1:54321}; no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxConfig config() {
        return config;
    }

    public SandboxCounters counters() {
        return counters;
    }

    /** The Genesys Cloud stand-in: script jobs, read per-job facts. */
    public GenesysSandbox genesys() {
        return genesys;
    }

    /** The Terrakube stand-in: its token, organization, workspaces and per-job facts. */
    public TerrakubeSandbox terrakube() {
        return terrakube;
    }

    /** The AvePoint stand-in: its app's secret and certificate, the generated tenant, row counts. */
    public AvePointSandbox avepoint() {
        return avepoint;
    }

    public String genesysClientId() {
        return config.genesysClientId();
    }

    public String genesysClientSecret() {
        return config.genesysClientSecret();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
