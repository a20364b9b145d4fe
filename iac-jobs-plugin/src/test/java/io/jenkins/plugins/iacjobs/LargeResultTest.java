package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.iacjobs.actions.IacJobAction;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.genesys.JobPlan;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 20, item 3, in Jenkins: a dry run whose results are 1 GB of Terraform text (one line of 200 MB, then 13.6 million
 * of planned resources) ends with its plan read and archived, and the controller's heap, measured after collection
 * while the build runs, grows by at most 64 MB. {@code -Diacjobs.largeResult.mb=N} changes the size.
 */
@WithJenkins
class LargeResultTest {

    private static final long MB = 1024L * 1024;
    private static final long SIZE = Long.getLong("iacjobs.largeResult.mb", 1024) * MB;
    private static final long LONG_LINE = SIZE / 5;
    private static final String RESOURCE = "  # genesyscloud_routing_queue.queue_%09d will be created\n";
    private static final long MAX_GROWTH = 64 * MB;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Sandbox sandbox;
    private long resources;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
        resources = (SIZE - LONG_LINE) / String.format(RESOURCE, 0).length();
        sandbox.genesys().setJobPlanner((acc, params, dryRun, index) -> JobPlan.complete(() -> new TerraformText(resources)));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aGigabyteOfResultsIsReadWithTheHeapBounded(JenkinsRule r) throws Exception {
        SandboxFixture.configure(sandbox);
        WorkflowJob p = r.createProject(WorkflowJob.class, "large");
        p.setDefinition(new CpsFlowDefinition("""
                def job = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Support'], planOnly: true
                echo "PLAN add=${job.plan.add} shown=${job.plan.resources.size()}"
                """, true));
        long before = heapAfterGc();
        WorkflowRun b;
        long peak;
        try (HeapWatch heap = new HeapWatch(before)) {
            b = r.assertBuildStatus(Result.SUCCESS, p.scheduleBuild2(0).get(10, TimeUnit.MINUTES));
            peak = heap.close(heapAfterGc());
        }
        r.assertLogContains("PLAN add=" + resources + " ", b);
        IacJobAction action = b.getAction(IacJobAction.class);
        assertNotNull(action, "the summary action");
        assertEquals(resources, action.getPlanAdd(), "every planned resource is counted");
        assertTrue(action.getArtifacts().stream().anyMatch(a -> a.endsWith("/plan.txt")), "the plan is archived: " + action.getArtifacts());
        long growth = peak - before;
        System.out.printf("heap after GC: %d MB before, %d MB at most while %d MB of results were read%n",
                before / MB, peak / MB, SIZE / MB);
        assertTrue(growth <= MAX_GROWTH, "the heap after GC grew by " + growth / MB + " MB (at most " + MAX_GROWTH / MB + ")");
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Collects every half second while the build runs and keeps the largest heap seen after a collection. */
    private static final class HeapWatch implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long max;

        HeapWatch(long before) {
            max = before;
            thread = new Thread(() -> {
                while (running) {
                    System.gc();
                    max = Math.max(max, MEMORY.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long close(long last) throws InterruptedException {
            close();
            return Math.max(max, last);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }

    /** Terraform's text output, made as it is read: a long line without a break, the resources, the summary line. */
    private static final class TerraformText extends Reader {
        private final long resources;
        private long longLineLeft = LONG_LINE;
        private long next;
        private String pending = "";
        private int at;
        private boolean summarised;

        TerraformText(long resources) {
            this.resources = resources;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int n = 0;
            while (n < len) {
                if (at == pending.length()) {
                    if (!refill()) {
                        return n == 0 ? -1 : n;
                    }
                }
                int take = Math.min(len - n, pending.length() - at);
                pending.getChars(at, at + take, buf, off + n);
                at += take;
                n += take;
            }
            return n;
        }

        private boolean refill() {
            at = 0;
            if (longLineLeft > 0) {
                int chunk = (int) Math.min(64 * 1024, longLineLeft);
                longLineLeft -= chunk;
                pending = "x".repeat(chunk) + (longLineLeft == 0 ? "\n" : "");
            } else if (next < resources) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 1000 && next < resources; i++) {
                    b.append(String.format(RESOURCE, next++));
                }
                pending = b.toString();
            } else if (!summarised) {
                summarised = true;
                pending = "\nPlan: " + resources + " to add, 0 to change, 0 to destroy.\n";
            } else {
                return false;
            }
            return true;
        }

        @Override
        public void close() {
        }
    }
}
