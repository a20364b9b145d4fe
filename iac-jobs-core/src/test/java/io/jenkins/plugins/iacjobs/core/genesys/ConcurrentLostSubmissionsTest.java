package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.GenesysJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Many builds submitting through one connection while the remote loses answers (5xx on every third request,
 * the first 30 submission answers dropped after the job was made). Genesys jobs carry nothing of what was sent,
 * so a lost answer can only be resolved when no other submission of the same accelerator could have made the job
 * in its window. Every submission must end with its own job: none created twice, none left unreported, none
 * adopted by the wrong submitter (its parameters are checked against the sandbox's record). Each build goes on to
 * read its job, as a real one watches it, so its requests mix with the submissions still going on.
 */
class ConcurrentLostSubmissionsTest {

    @ParameterizedTest(name = "{0} concurrent submissions, round {1}")
    @CsvSource({"100,1", "100,2", "100,3", "300,1"})
    void everySubmissionGetsItsOwnJobOnceUnderLostAnswers(int submissions, int round) throws Exception {
        FaultPlan faults = FaultPlan.parse("5xx=3,drop-submit=30");
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withFaults(faults).withTimeScale(0.05))) {
            GenesysJobs jobs = f.jobs();
            ExecutorService pool = Executors.newFixedThreadPool(submissions);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SubmittedJob>> results = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                String queue = "queue-" + round + "-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    SubmittedJob job = jobs.submit(new GenesysJobRequest("Simple IVR", Map.of("queue_name", queue), true), line -> { });
                    try {
                        jobs.describe(job.jobId()); // as a build goes on to watch its job, while others still submit
                    } catch (IacJobsException struggling) {
                        // a read of one's own job may fail under these faults; the submission is what is judged
                    }
                    return job;
                }));
            }
            go.countDown();
            Map<String, String> reported = new HashMap<>(); // queue name -> the job its submission reported
            Map<String, String> failed = new HashMap<>(); // queue name -> why its submission failed
            for (int i = 0; i < submissions; i++) {
                String queue = "queue-" + round + "-" + i;
                try {
                    reported.put(queue, results.get(i).get(5, TimeUnit.MINUTES).jobId());
                } catch (ExecutionException e) {
                    failed.put(queue, e.getCause().toString());
                }
            }
            pool.shutdownNow();
            Map<String, List<String>> made = new HashMap<>(); // queue name -> the jobs the sandbox made for it
            for (GenesysJob j : f.sandbox.genesys().jobs()) {
                made.computeIfAbsent(j.parameters().get("queue_name"), q -> new ArrayList<>()).add(j.id());
            }
            List<String> doubles = new ArrayList<>();
            List<String> orphans = new ArrayList<>();
            List<String> wrongOwner = new ArrayList<>();
            made.forEach((queue, ids) -> {
                if (ids.size() > 1) {
                    doubles.add(queue + " " + ids);
                }
                String got = reported.get(queue);
                if (got == null) {
                    orphans.add(queue + " " + ids + ", its submission failed with: " + failed.get(queue));
                } else if (!ids.contains(got)) {
                    wrongOwner.add(queue + " was told " + got + ", made " + ids);
                }
            });
            reported.forEach((queue, id) -> {
                if (!made.containsKey(queue)) {
                    wrongOwner.add(queue + " was told " + id + ", which was made for another submission");
                }
            });
            assertTrue(f.sandbox.counters().faultsInjected() > 30, "the faults happened");
            assertEquals(List.of(), doubles, "submissions that made two jobs");
            assertEquals(List.of(), orphans, "jobs made but reported to nobody");
            assertEquals(List.of(), wrongOwner, "jobs reported to the wrong submission");
            // A submission may still fail, but only cleanly: every one of its sends was proven to have made nothing.
            assertTrue(failed.size() <= submissions / 50, "failures (each with nothing made): " + failed.values());
            assertEquals(submissions - failed.size(), reported.size());
        }
    }
}
