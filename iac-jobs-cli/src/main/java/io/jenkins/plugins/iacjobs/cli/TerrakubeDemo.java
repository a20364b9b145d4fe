package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobRequest;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeServer;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;

/** {@code iacjobs demo --system terrakube}: a plan-only run in the sandbox's workspace, its step log streamed live. */
final class TerrakubeDemo {
    static final String WORKSPACE = "sandbox-workspace";

    private TerrakubeDemo() {
    }

    static int run(CliContext ctx, Sandbox sandbox, RunOptions run) {
        TerrakubeSandbox tk = sandbox.terrakube();
        TerrakubeJobs jobs = TerrakubeJobs.connect(ctx.kit(), TerrakubeServer.of(sandbox.baseUrl(), TerrakubeSandbox.ORGANIZATION),
                tk.token());
        ctx.out().println("Terrakube organization '" + TerrakubeSandbox.ORGANIZATION + "', workspace '" + WORKSPACE
                + "', templates " + tk.templateNames());
        DemoSystem<TerrakubeJobRequest> demo = new DemoSystem<>(jobs, sandbox.baseUrl(), ctx.prog());
        return new JobExecution(ctx, demo, "demo", run, demo).submitAndWait(
                new Submission<>(demo, new TerrakubeJobRequest(WORKSPACE, null, true, null, ApprovePolicy.NEVER)), false);
    }
}
