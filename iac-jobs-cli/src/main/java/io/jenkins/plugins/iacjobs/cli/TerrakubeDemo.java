package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeConnection;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobRequest;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;

/** {@code iacjobs demo --system terrakube}: a plan-only run in the sandbox's workspace, its step log streamed live. */
final class TerrakubeDemo {
    static final String WORKSPACE = "sandbox-workspace";

    private TerrakubeDemo() {
    }

    static int run(CliContext ctx, Sandbox sandbox, RunOptions run) {
        TerrakubeSandbox tk = sandbox.terrakube();
        TerrakubeJobs jobs = TerrakubeJobs.create(ctx.http(), ctx.json(),
                TerrakubeConnection.of(sandbox.baseUrl(), TerrakubeSandbox.ORGANIZATION), TokenSource.fixed(tk.token()), ctx.clock());
        ctx.out().println("Terrakube organization '" + TerrakubeSandbox.ORGANIZATION + "', workspace '" + WORKSPACE
                + "', templates " + tk.templateNames());
        DemoSystem demo = new DemoSystem(jobs, sandbox.baseUrl());
        return new JobExecution(ctx, demo, "demo", run, demo).submitAndWait(
                new TerrakubeJobRequest(WORKSPACE, null, true, null, ApprovePolicy.NEVER).toJobRequest(), false);
    }
}
