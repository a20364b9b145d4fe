package io.jenkins.plugins.iacjobs.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Applies a {@link FaultPlan}: numbers API requests and decides, deterministically, which ones fail and how. */
public final class FaultInjector {

    private static final int[] SERVER_ERRORS = {502, 503, 504};

    private final FaultPlan plan;
    private final SandboxCounters counters;
    private final AtomicLong apiRequests = new AtomicLong();
    private final AtomicLong rateLimits = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong approvals = new AtomicLong();

    FaultInjector(FaultPlan plan, SandboxCounters counters) {
        this.plan = plan;
        this.counters = counters;
    }

    public FaultPlan plan() {
        return plan;
    }

    void applyLatency() {
        if (plan.latencyMillis() > 0) {
            try {
                Thread.sleep(plan.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Answers the request with an injected fault if this API request is due one.
     *
     * @return true when a fault answered the request
     */
    boolean maybeFail(SandboxRequest request) throws IOException {
        long n = apiRequests.incrementAndGet();
        if (due(n, plan.rateLimitEvery())) {
            counters.increment(SandboxCounters.FAULTS_INJECTED);
            long k = rateLimits.incrementAndGet();
            request.setHeader("Retry-After", k % 2 == 1 ? "1" : httpDateSecondsAhead(1));
            request.respondError(429, "too.many.requests.retry.after",
                    "Rate limit exceeded the maximum. Retry the request in [1] seconds");
            return true;
        }
        if (due(n, plan.serverErrorEvery())) {
            counters.increment(SandboxCounters.FAULTS_INJECTED);
            int status = SERVER_ERRORS[(int) ((serverErrors.incrementAndGet() - 1) % SERVER_ERRORS.length)];
            switch (status) {
                case 502 -> request.respondError(502, "bad.gateway", "The upstream service returned an invalid response");
                case 503 -> request.respondError(503, "service.unavailable", "The service is currently unavailable");
                default -> request.respondError(504, "gateway.timeout", "The upstream service timed out");
            }
            return true;
        }
        if (due(n, plan.revokeTokensEvery())) {
            counters.increment(SandboxCounters.FAULTS_INJECTED);
            request.dialect().revokeCaller(request.bearerToken());
            request.respondError(401, "bad.credentials", "Invalid login credentials. The access token has expired or was revoked");
            return true;
        }
        return false;
    }

    /**
     * Called by a submit handler after it created the job; true means drop the response (and it is counted).
     * Counts submissions that created a job, so the first K created jobs lose their response.
     */
    public boolean shouldDropSubmitResponse() {
        long k = submissions.incrementAndGet();
        if (k <= plan.dropSubmitResponses()) {
            counters.increment(SandboxCounters.FAULTS_INJECTED);
            return true;
        }
        return false;
    }

    /** Called by the Terrakube PATCH handler before it approves; true means lose the request (and it is counted). */
    public boolean shouldDropApproval() {
        long k = approvals.incrementAndGet();
        if (k <= plan.dropApprovals()) {
            counters.increment(SandboxCounters.FAULTS_INJECTED);
            return true;
        }
        return false;
    }

    private static boolean due(long n, int every) {
        return every > 0 && n % every == 0;
    }

    /** RFC 1123 date at least {@code seconds} ahead (HTTP-dates have whole seconds, so round up). */
    private static String httpDateSecondsAhead(int seconds) {
        Instant when = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds + 1L);
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(when.atOffset(ZoneOffset.UTC));
    }
}
