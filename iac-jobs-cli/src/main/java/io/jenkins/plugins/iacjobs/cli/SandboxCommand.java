package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.sandbox.FaultPlan;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import io.jenkins.plugins.iacjobs.sandbox.SandboxMain;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iacjobs sandbox}: the local stand-in server, until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the local sandbox that speaks the remote APIs, until Ctrl-C. Prints its base URL and demo credentials.")
final class SandboxCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Option(names = "--port", description = "Port on 127.0.0.1 (default: any free port).", defaultValue = "0")
    int port;
    @Option(names = "--faults", description = "Faults to inject: none, all, or a list such as 429,5xx,drop-submit,401,latency=50 (default: ${DEFAULT-VALUE}).", defaultValue = "none")
    String faults;
    @Option(names = "--time-scale", description = "Multiplies remote job durations; 0.1 makes jobs ten times faster (default: ${DEFAULT-VALUE}).", defaultValue = "1.0")
    double timeScale;

    SandboxCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("--faults", e.getMessage());
        }
        Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withPort(port).withFaults(plan).withTimeScale(timeScale));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "iacjobs-sandbox-stop"));
        SandboxMain.describe(sandbox, ctx.out());
        ctx.out().println();
        ctx.out().println("Use it from another shell:");
        ctx.out().println("  export IACJOBS_BASE_URL=" + sandbox.baseUrl());
        ctx.out().println("  export IACJOBS_CLIENT_ID=" + sandbox.genesysClientId());
        ctx.out().println("  export IACJOBS_CLIENT_SECRET=<the secret above>");
        ctx.out().println("  " + ctx.prog() + " job run --accelerator 'Simple IVR' -p queue_name=Support --plan-only");
        ctx.out().println("Terrakube:");
        ctx.out().println("  export IACJOBS_TERRAKUBE_TOKEN=<the Terrakube token above>");
        ctx.out().println("  " + ctx.prog() + " job run --system terrakube --organization sandbox-org --workspace sandbox-workspace"
                + " --template 'Plan and apply' --approve auto");
        ctx.out().flush();
        stopped.await();
        return ExitCodes.SUCCESS;
    }
}
