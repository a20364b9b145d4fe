package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.avepoint.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointAuth;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointCredentials;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import java.nio.file.Path;

/**
 * {@code iacjobs demo --system avepoint}: a backup report over the sandbox's generated tenant, signed in with the
 * sandbox app's certificate (the sign-in AvePoint recommends). It reports without judging, so the demo itself
 * succeeds; the closing hint shows the gates.
 */
final class AvePointDemo {
    private AvePointDemo() {
    }

    static int run(CliContext ctx, Sandbox sandbox, Path out) throws Exception {
        AvePointEndpoints endpoints = AvePointEndpoints.of(sandbox.baseUrl() + "/connect/token", sandbox.baseUrl());
        var cert = sandbox.avepoint().certificate();
        AvePointCredentials credentials = AvePointCredentials.certificate(sandbox.avepoint().clientId(), cert.certificate(), cert.privateKey());
        ctx.out().println("Signing in as app " + sandbox.avepoint().clientId() + " with its certificate (x5t " + cert.thumbprint() + ")");
        AvePointClient client = AvePointClient.create(ctx.http(), ctx.json(),
                AvePointAuth.tokenSource(ctx.tokens(), ctx.http(), ctx.json(), endpoints, credentials, ctx.clock()), endpoints,
                ApiGeneration.CURRENT);
        ReportOptions report = new ReportOptions();
        report.out = out;
        report.output = RunOptions.OutputFormat.text;
        BackupReportOptions options = new BackupReportOptions(null, "7d", null, null, null, null, "never", null, 0);
        int exit = BackupReportCommand.run(ctx, client, options.resolve(ctx.clock()), report);
        ctx.out().println();
        ctx.out().println("Gates: with --fail-on unsuccessful this report would exit 1 (some jobs failed), and with"
                + " --fail-on stale --max-age 48h the organisation '" + sandbox.avepoint().tenant().staleOrganisation().name()
                + "' is reported as having no recent finished backup. See docs/avepoint.md.");
        return exit;
    }
}
