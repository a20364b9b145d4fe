package io.jenkins.plugins.iacjobs.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.JobFailedException;
import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.core.watch.WatchHandle;
import io.jenkins.plugins.iacjobs.core.watch.WatchListener;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.genesys.AcceleratorCatalogue;
import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlan;
import io.jenkins.plugins.iacjobs.sandbox.genesys.ResultsSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submit, watch and publish end to end, and the secrets rule: nothing secret in output, artifacts or errors. */
class JobRunnerTest {
    private static final PollSettings FAST = new PollSettings(Duration.ofMillis(20), Duration.ofMillis(200), 1.5, Duration.ofSeconds(30));
    private static final String SENSITIVE = "flow-secret-value-31337";

    @TempDir
    Path out;

    private JobResult run(SandboxFixture f, String accelerator, Map<String, String> params, List<String> said) throws Exception {
        GenesysJobs jobs = f.jobs();
        try (JobWatcher watcher = JobWatcher.create(2, Clock.systemUTC())) {
            JobRunner runner = new JobRunner(jobs, watcher, "test", Clock.systemUTC());
            SubmittedJob job = jobs.submit(new GenesysJobRequest(accelerator, params, true), said::add);
            WatchHandle h = runner.handleFor(job);
            WatchListener l = new WatchListener() {
                @Override
                public void onStatus(JobSnapshot s, Instant at) {
                    said.add(s.status());
                }
            };
            JobSnapshot last = runner.watch(h, l, FAST, null).result().get(60, TimeUnit.SECONDS);
            return runner.finish(h, last, job, out, null);
        }
    }

    @Test
    void aPlanOnlyJobUnderEveryFaultLeavesItsEvidenceAndNoSecret() throws Exception {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTimeScale(0.1).withFaults(FaultPlan.all()))) {
            List<String> said = new CopyOnWriteArrayList<>();
            JobResult r = run(f, "Simple IVR", Map.of("queue_name", "Support", "flow_api_secret", SENSITIVE), said);
            assertTrue(r.success());
            assertEquals("Complete", r.status());
            assertEquals(List.of("iac-jobs/" + r.jobId() + "/job.json", "iac-jobs/" + r.jobId() + "/plan.json",
                    "iac-jobs/" + r.jobId() + "/plan.txt", "iac-jobs/" + r.jobId() + "/summary.md"), r.artifacts());
            assertEquals(3, r.report().plan().add(), "the dry run's three resources");
            String token = f.currentToken();
            for (String s : said) {
                assertFalse(s.contains(SENSITIVE) || s.contains(f.sandbox.genesysClientSecret()) || s.contains(token), s);
            }
            try (Stream<Path> files = Files.walk(out)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(p);
                    assertFalse(text.contains(SENSITIVE), p + " holds the sensitive parameter");
                    assertFalse(text.contains(f.sandbox.genesysClientSecret()), p + " holds the client secret");
                    assertFalse(text.contains(token), p + " holds the token");
                }
            }
            assertEquals(1, f.sandbox.counters().jobsCreated());
        }
    }

    @Test
    void aFailedJobCarriesTheRemoteMessage() throws Exception {
        try (SandboxFixture f = SandboxFixture.fast()) {
            JobResult r = run(f, "Broken Trunk", Map.of(), new CopyOnWriteArrayList<>());
            assertFalse(r.success());
            assertEquals("Failed", r.status());
            assertEquals(AcceleratorCatalogue.BROKEN_TRUNK_ERROR, r.message());
            JobFailedException e = new JobRunner(f.jobs(), null, "test", Clock.systemUTC()).failure(r);
            assertEquals("Genesys Cloud job " + r.jobId() + " ended Failed: " + AcceleratorCatalogue.BROKEN_TRUNK_ERROR, e.getMessage());
            String summary = Files.readString(out.resolve(r.artifacts().get(r.artifacts().size() - 1)));
            assertTrue(summary.contains(AcceleratorCatalogue.BROKEN_TRUNK_ERROR), summary);
        }
    }

    @Test
    void largeResultsAreStreamedToDisk() throws Exception {
        try (SandboxFixture f = SandboxFixture.fast()) {
            f.sandbox.genesys().setJobPlanner((id, p, dry, i) -> JobPlan.complete(ResultsSource.jsonArray("{\"type\":\"queue\",\"name\":\"q\"}", 200_000)));
            JobResult r = run(f, "Simple IVR", Map.of("queue_name", "Q"), new CopyOnWriteArrayList<>());
            Path plan = out.resolve("iac-jobs/" + r.jobId() + "/plan.json");
            assertTrue(Files.size(plan) > 5_000_000, "plan size " + Files.size(plan));
            try (Stream<String> lines = Files.lines(plan)) {
                assertEquals(200_000, lines.filter(l -> l.contains("\"type\" : \"queue\"")).count());
            }
        }
    }

    /** Issue 23: an applied job's results go to the next stage as outputs.json, parsed; Genesys has no other outputs. */
    @Test
    void anAppliedJobsResultsAreParsedIntoOutputsJson() throws Exception {
        try (SandboxFixture f = SandboxFixture.fast(); JobWatcher watcher = JobWatcher.create(2, Clock.systemUTC())) {
            GenesysJobs jobs = f.jobs();
            JobRunner runner = new JobRunner(jobs, watcher, "test", Clock.systemUTC());
            SubmittedJob job = new Submission<>(jobs, new GenesysJobRequest("Simple IVR", Map.of("queue_name", "Q"), false)).submit(s -> { });
            WatchHandle h = runner.handleFor(job);
            JobSnapshot last = runner.watch(h, new WatchListener() { }, FAST, null).result().get(60, TimeUnit.SECONDS);
            JobResult r = runner.finish(h, last, job, out, null);
            assertTrue(r.success());
            assertEquals(null, r.outputs(), "Genesys has no outputs beside its results");
            String dir = "iac-jobs/" + r.jobId() + "/";
            assertTrue(r.artifacts().contains(dir + "outputs.json"), r.artifacts().toString());
            com.fasterxml.jackson.databind.JsonNode o = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out.resolve(dir + "outputs.json").toFile());
            assertEquals("the job's results", o.get("source").asText());
            assertTrue(o.get("outputs").isEmpty());
            assertTrue(o.get("results").isArray() && o.get("results").size() == 3, o.toString());
            assertTrue(o.get("results").get(0).hasNonNull("id"), "the created resources, with their ids: " + o);
        }
    }
}
