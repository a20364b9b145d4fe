package io.jenkins.plugins.iacjobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.InfrastructureAsCodeApi;
import com.mypurecloud.sdk.v2.model.AcceleratorInput;
import com.mypurecloud.sdk.v2.model.AcceleratorParameter;
import com.mypurecloud.sdk.v2.model.InfrastructureascodeJob.StatusEnum;
import com.mypurecloud.sdk.v2.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What a careful user writes today with the official SDK: each build gets its own thread and its own
 * {@link ApiClient} with its own token, submits, then polls {@code getInfrastructureascodeJob} every 5 s with
 * {@link Thread#sleep} until a terminal status, retrying a failed poll at the next tick.
 * <p>
 * The SDK sends client-credentials logins to {@code "https://login." + basePath.split("\\.", 2)[1]}, which for
 * {@code http://127.0.0.1:PORT} is {@code https://login.0.0.1:PORT}: unreachable. So each job fetches its token with
 * the very request {@code ApiClient.authorizeClientCredentials} sends (POST /oauth/token, Basic client id:secret,
 * {@code grant_type=client_credentials}) and hands it over with {@code withAccessToken}, as the issue allows.
 */
final class SdkBaselineWay implements Way {
    static final Duration POLL_EVERY = Duration.ofSeconds(5);
    private static final Set<StatusEnum> TERMINAL = EnumSet.of(StatusEnum.COMPLETE, StatusEnum.FAILED, StatusEnum.INCOMPLETE);

    private final Duration pollEvery;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger errors = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private CountDownLatch done;
    private volatile boolean stopping;

    SdkBaselineWay(Duration pollEvery) {
        this.pollEvery = pollEvery;
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public Predicate<String> alwaysCounted() {
        return name -> name.startsWith("purecloud-sdk-");
    }

    @Override
    public void start(Sandbox sandbox, int n, String[] jobIds, Instant[] detected) throws Exception {
        done = new CountDownLatch(n);
        CountDownLatch submitted = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int slot = i;
            Thread t = new Thread(() -> runJob(sandbox, slot, jobIds, detected, submitted), "bench-base-job-" + slot);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (!submitted.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("baseline: only " + (n - submitted.getCount()) + " of " + n + " jobs submitted");
        }
    }

    private void runJob(Sandbox sandbox, int slot, String[] jobIds, Instant[] detected, CountDownLatch submitted) {
        boolean counted = false;
        try {
            String token = fetchToken(sandbox.baseUrl(), sandbox.genesysClientId(), sandbox.genesysClientSecret());
            try (ApiClient client = ApiClient.Builder.standard().withBasePath(sandbox.baseUrl()).withAccessToken(token).build()) {
                InfrastructureAsCodeApi api = new InfrastructureAsCodeApi(client);
                InfrastructureascodeJob job = api.postInfrastructureascodeJobs(new AcceleratorInput()
                        .acceleratorId(AcceleratorCatalogue.SIMPLE_IVR_ID).dryRun(false)
                        .parameters(List.of(new AcceleratorParameter().name("queue_name").value(BenchPlan.queueName(slot)))));
                String jobId = job.getId();
                jobIds[slot] = jobId;
                submitted.countDown();
                counted = true;
                while (!stopping) {
                    Thread.sleep(pollEvery.toMillis());
                    try {
                        job = api.getInfrastructureascodeJob(jobId, false);
                    } catch (ApiException | IOException e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (job.getStatus() != null && TERMINAL.contains(job.getStatus())) {
                        detected[slot] = Instant.now();
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            errors.incrementAndGet();
            System.err.println("baseline job " + slot + ": " + e);
        } finally {
            if (!counted) {
                submitted.countDown();
            }
            done.countDown();
        }
    }

    /** Exactly what {@code ApiClient.authorizeClientCredentials} sends, to the sandbox's own host. */
    private String fetchToken(String baseUrl, String clientId, String secret) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(baseUrl + "/oauth/token").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
        }
        if (c.getResponseCode() != 200) {
            throw new IOException("token request failed: HTTP " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            JsonNode body = json.readTree(in);
            return body.path("access_token").asText();
        }
    }

    @Override
    public int waiting() {
        return (int) done.getCount();
    }

    @Override
    public boolean await(Instant deadline) throws InterruptedException {
        return done.await(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public int pollErrors() {
        return errors.get();
    }

    @Override
    public void close() {
        stopping = true;
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
