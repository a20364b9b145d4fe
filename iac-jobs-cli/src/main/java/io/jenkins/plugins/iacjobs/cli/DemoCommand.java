package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysCredential;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iacjobs demo}: a whole plan-only accelerator job against an in-process sandbox. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the sandbox in this process and run a plan-only 'Simple IVR' job end to end, leaving its artifacts in a folder.")
final class DemoCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    RunOptions run;
    @Option(names = "--faults", description = "Faults for the sandbox to inject: none, all, or e.g. 429,5xx,drop-submit,401 (default: ${DEFAULT-VALUE}).", defaultValue = "none")
    String faults;
    @Option(names = "--system", paramLabel = "SYSTEM", defaultValue = "genesys",
            description = "genesys (a Simple IVR dry run), terrakube (a plan-only run with live step logs) or avepoint (a backup report); default: ${DEFAULT-VALUE}.")
    DemoTarget system;
    @Option(names = "--time-scale", description = "Sandbox job speed; 1.0 is a few seconds per phase (default: ${DEFAULT-VALUE}).", defaultValue = "1.0")
    double timeScale;

    /** The systems the demo can show. */
    enum DemoTarget {
        genesys("Genesys Cloud"), terrakube("Terrakube"), avepoint("AvePoint Cloud Backup");

        final String title;

        DemoTarget(String title) {
            this.title = title;
        }
    }

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if ("1s".equals(run.pollMin)) {
            run.pollMin = "250ms"; // the sandbox's phases last about a second: poll fast enough to show each one
        }
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("--faults", e.getMessage());
        }
        ctx.out().println("iacjobs demo: runs against the sandbox, a local stand-in for the real " + system.title
                + " API on this machine; nothing is sent anywhere else.");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withFaults(plan).withTimeScale(timeScale))) {
            ctx.out().println("Sandbox started at " + sandbox.baseUrl() + " (faults: " + plan + ")");
            if (system == DemoTarget.terrakube) {
                return TerrakubeDemo.run(ctx, sandbox, run);
            }
            if (system == DemoTarget.avepoint) {
                return AvePointDemo.run(ctx, sandbox, run.out);
            }
            GenesysEndpoints endpoints = GenesysEndpoints.forBaseUrl(sandbox.baseUrl());
            GenesysJobs jobs = GenesysJobs.connect(ctx.kit(), endpoints,
                    GenesysCredential.oauth(sandbox.genesysClientId(), sandbox.genesysClientSecret()));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("queue_name", "Support");
            params.put("division", "Home");
            params.put("greeting_language", "en-US");
            params.put("flow_api_secret", "demo-" + Long.toHexString(System.nanoTime()));
            DemoSystem<GenesysJobRequest> demo = new DemoSystem<>(jobs, sandbox.baseUrl(), ctx.prog());
            return new JobExecution(ctx, demo, "demo", run, demo)
                    .submitAndWait(new Submission<>(demo, new GenesysJobRequest("Simple IVR", params, true)), false);
        }
    }
}
