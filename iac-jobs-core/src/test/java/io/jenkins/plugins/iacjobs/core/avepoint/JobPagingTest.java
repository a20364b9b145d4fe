package io.jenkins.plugins.iacjobs.core.avepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.AvePointSandbox;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.D365Job;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.JobFilter;
import io.jenkins.plugins.iacjobs.sandbox.avepoint.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Paging and every filter, both API generations, against the sandbox's generated tenant. */
class JobPagingTest {
    private static Sandbox sandbox;
    private static Instant finish;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        finish = Instant.now();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<String> read(ApiGeneration g, JobQuery q) {
        List<String> ids = new ArrayList<>();
        AvePointFixture.client(sandbox, AvePointFixture.secret(sandbox), g).readJobs(q, (job, raw) -> ids.add(job.jobId()));
        return ids;
    }

    private static List<String> expected(JobQuery q) {
        JobFilter f = new JobFilter(q.type().code(), q.startTime(), q.finishTime(), q.status() == null ? null : q.status().code(),
                q.organizationId());
        return sandbox.avepoint().matching(f).stream()
                .filter(j -> q.organizationName() == null || q.organizationName().equalsIgnoreCase(j.organizationName()))
                .map(D365Job::jobId).toList();
    }

    private static JobQuery window(Duration length, int pageSize) {
        return new JobQuery(JobType.ALL, finish.minus(length), finish, null, null, null, pageSize);
    }

    @ParameterizedTest
    @EnumSource(ApiGeneration.class)
    void manyPagesWithNothingLostOrRepeated(ApiGeneration g) {
        JobQuery q = window(Duration.ofDays(3), 23);
        List<String> ids = read(g, q);
        assertTrue(ids.size() > 23 * 40, "spans many pages: " + ids.size());
        assertEquals(expected(q), ids);
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @ParameterizedTest
    @EnumSource(ApiGeneration.class)
    void countJobsIsOneRequestForTheTestConnectionButton(ApiGeneration g) {
        JobQuery q = window(Duration.ofDays(1), 100);
        AvePointClient client = AvePointFixture.client(sandbox, AvePointFixture.certificate(sandbox), g);
        long before = listings();
        assertEquals(expected(q).size(), client.countJobs(q));
        assertEquals(before + 1, listings());
    }

    private static long listings() {
        return sandbox.counters().get(AvePointSandbox.JOBS_REQUESTS)
                + sandbox.counters().get(AvePointSandbox.LEGACY_REQUESTS);
    }

    @Test
    void pageSizeAboveTheServerCapStillReadsEverything() {
        JobQuery q = window(Duration.ofDays(2), 1000);
        assertEquals(expected(q), read(ApiGeneration.CURRENT, q));
    }

    @ParameterizedTest
    @EnumSource(ApiGeneration.class)
    void everyFilter(ApiGeneration g) {
        Tenant.Organisation org = sandbox.avepoint().tenant().organisations().get(2);
        List<JobQuery> queries = new ArrayList<>();
        for (JobType t : JobType.values()) {
            queries.add(new JobQuery(t, finish.minus(Duration.ofDays(2)), finish, null, null, null, 100));
        }
        for (JobStatus s : JobStatus.values()) {
            queries.add(new JobQuery(JobType.ALL, finish.minus(Duration.ofDays(2)), finish, s, null, null, 100));
        }
        queries.add(new JobQuery(JobType.BACKUP, finish.minus(Duration.ofDays(2)), finish, JobStatus.FAILED, org.id(), null, 100));
        queries.add(new JobQuery(JobType.ALL, finish.minus(Duration.ofDays(2)), finish, null, null, org.name().toUpperCase(), 100));
        queries.add(new JobQuery(JobType.ALL, finish.minus(Duration.ofDays(9)), finish.minus(Duration.ofDays(8)), null, null, null, 100));
        for (JobQuery q : queries) {
            List<String> expected = expected(q);
            assertEquals(expected, read(g, q), q.toString());
            assertTrue(!expected.isEmpty() || q.status() == JobStatus.IN_PROGRESS, "filter finds something: " + q);
        }
    }

    @Test
    void jobsArrivingWhilePagingAreNeitherLostNorRepeated() {
        try (Sandbox live = Sandbox.start(SandboxConfig.defaults())) {
            JobQuery q = new JobQuery(JobType.ALL, finish.minus(Duration.ofDays(1)), finish, null, null, null, 50);
            JobFilter f = new JobFilter(0, q.startTime(), q.finishTime(), null, null);
            List<String> before = live.avepoint().matching(f).stream().map(D365Job::jobId).toList();
            live.avepoint().setArrivalsPerPage(3);
            Set<String> seen = new HashSet<>();
            List<String> ids = new ArrayList<>();
            ReadStats stats = AvePointFixture.client(live, AvePointFixture.secret(live), ApiGeneration.CURRENT)
                    .readJobs(q, (job, raw) -> {
                        ids.add(job.jobId());
                        seen.add(job.jobId());
                    });
            assertEquals(ids.size(), seen.size(), "no job passed on twice");
            assertTrue(seen.containsAll(before), "every job present at the start was read");
            assertTrue(stats.duplicatesSkipped() > 0, "the shift was noticed");
        }
    }

    @ParameterizedTest
    @EnumSource(ApiGeneration.class)
    void everyFaultModeStillReadsEveryJobOnce(ApiGeneration g) {
        try (Sandbox faulty = Sandbox.start(SandboxConfig.defaults().withFaults(FaultPlan.parse("429=4,5xx=3,401=5")))) {
            JobQuery q = new JobQuery(JobType.ALL, finish.minus(Duration.ofHours(30)), finish, null, null, null, 40);
            List<String> ids = new ArrayList<>();
            AvePointFixture.client(faulty, AvePointFixture.certificate(faulty), g).readJobs(q, (job, raw) -> ids.add(job.jobId()));
            JobFilter f = new JobFilter(0, q.startTime(), q.finishTime(), null, null);
            assertEquals(faulty.avepoint().matching(f).stream().map(D365Job::jobId).toList(), ids);
            assertTrue(faulty.counters().faultsInjected() > 5);
        }
    }
}
