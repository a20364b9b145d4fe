package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.Router;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import io.jenkins.plugins.iacjobs.sandbox.SandboxSystem;
import io.jenkins.plugins.iacjobs.sandbox.TokenLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AvePoint stand-in (API-DIGEST §3): the identity service's {@code /connect/token} (secret or certificate
 * assertion) and the Cloud Backup for Dynamics 365 job listings, current and legacy, over a generated tenant.
 * Identity and API share the sandbox's one host, so a client's token URL is {@code baseUrl + /connect/token}
 * and its data-centre base URL is {@code baseUrl}.
 */
public final class AvePointSandbox implements SandboxSystem , JobSource{
    public static final String DEFAULT_CLIENT_ID = "avepoint-sandbox-app";
    public static final String TOKEN_REQUESTS = "avepointTokenRequests";
    public static final String JOBS_REQUESTS = "avepointJobsRequests";
    public static final String LEGACY_REQUESTS = "avepointLegacyRequests";
    /** The sandbox app's client id, secret, certificate and test key, for clients outside the JVM. */
    public static final String APP_PATH = "/sandbox/avepoint/app";

    private final String clientSecret = SandboxConfig.generateSecret();
    private final Clock clock;
    private final IssuedTokens tokens;
    private final AvePointDialect dialect;
    private final AtomicInteger arrivalIndex = new AtomicInteger();
    private TestCertificate certificate;
    private volatile Tenant tenant;
    private volatile List<D365Job> jobs;
    private volatile int arrivalsPerPage;

    public AvePointSandbox(SandboxConfig config, TokenLog issued, Clock clock) {
        this.clock = clock;
        this.tokens = new IssuedTokens(clock, Duration.ofSeconds(config.tokenLifetimeSeconds()), issued);
        this.dialect = new AvePointDialect(tokens);
        useTenant(TenantSpec.defaults().withAnchor(clock.instant().truncatedTo(ChronoUnit.MINUTES)));
    }

    @Override
    public String name() {
        return "avepoint";
    }

    @Override
    public void registerRoutes(Router router) {
        IdentityEndpoint identity = new IdentityEndpoint(DEFAULT_CLIENT_ID, clientSecret, new AssertionCheck(DEFAULT_CLIENT_ID, this::certificate, clock), tokens);
        JobsEndpoints endpoints = new JobsEndpoints(this);
        router.plain("POST", IdentityEndpoint.PATH, dialect, TOKEN_REQUESTS, identity::token);
        router.api("GET", JobsEndpoints.CURRENT_PATH, dialect, JOBS_REQUESTS, endpoints::current);
        router.api("POST", JobsEndpoints.LEGACY_PATH, dialect, LEGACY_REQUESTS, endpoints::legacy);
        router.plain("GET", APP_PATH, dialect, null, this::describeApp);
    }

    /** Replaces the tenant; the same spec always gives the same jobs. */
    public void useTenant(TenantSpec spec) {
        Tenant t = Tenant.generate(spec);
        this.tenant = t;
        this.jobs = t.jobs();
    }

    /**
     * After each page is served, adds {@code n} new in-progress jobs at the newest end of the requested window, so
     * later pages shift by {@code n} as they do on a live tenant. 0 (the default) turns it off.
     */
    public void setArrivalsPerPage(int n) {
        this.arrivalsPerPage = n;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String clientId() {
        return DEFAULT_CLIENT_ID;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The certificate registered for the app; generated on first use. */
    public synchronized TestCertificate certificate() {
        if (certificate == null) {
            certificate = TestCertificate.generate("iacjobs-sandbox-" + DEFAULT_CLIENT_ID);
        }
        return certificate;
    }

    /** Every job the listing would return for {@code filter} now, newest first. */
    @Override
    public List<D365Job> matching(JobFilter filter) {
        return jobs.stream().filter(filter::matches).toList();
    }

    /** How many jobs match, for checking a client's row counts. Null arguments mean "no filter". */
    public long count(int type, Instant startTime, Instant finishTime, Integer status, String organizationId) {
        return matching(new JobFilter(type, startTime, finishTime, status, organizationId)).size();
    }

    /** Invalidates every issued token, as a secret rotation would. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    @Override
    public void authorize(SandboxRequest request) {
        if (!tokens.valid(request.bearerToken())) {
            throw ApiError.unauthorized("The access token is missing, unknown, expired or revoked");
        }
    }

    @Override
    public void afterPage(JobFilter filter) {
        int n = arrivalsPerPage;
        if (n <= 0) {
            return;
        }
        synchronized (this) {
            List<D365Job> next = new ArrayList<>(n + jobs.size());
            Instant start = filter.finishTime().minusSeconds(1);
            String org = tenant.organisations().get(0).id();
            String name = tenant.organisations().get(0).name();
            for (int i = 0; i < n; i++) {
                int k = arrivalIndex.incrementAndGet();
                int type = filter.type() == 0 ? 1 : filter.type();
                next.add(new D365Job("Customer Engagement", type, "DCIN" + String.format("%022d", k), start, null, 2,
                        0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, filter.organizationId() != null ? filter.organizationId() : org, name));
            }
            next.addAll(jobs);
            jobs = List.copyOf(next);
        }
    }

    private void describeApp(SandboxRequest request) throws IOException {
        ObjectNode body = Json.object();
        body.put("clientId", DEFAULT_CLIENT_ID);
        body.put("clientSecret", clientSecret);
        body.put("x5t", certificate().thumbprint());
        body.put("certificatePem", certificate().certificatePem());
        body.put("privateKeyPem", certificate().privateKeyPem());
        request.respondJson(200, body);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
