package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.core.avepoint.report.BackupReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code iacjobs backup-report}: AvePoint Cloud Backup for Dynamics 365 jobs of a window, as files and a verdict. */
@Command(name = "backup-report", mixinStandardHelpOptions = true,
        description = {"Read every AvePoint Cloud Backup for Dynamics 365 job in a window and write backup-report/jobs.json,",
            "jobs.csv, junit.xml and summary.md. The exit code is 1 when the --fail-on gate fails."})
final class BackupReportCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    AvePointOptions connection;
    @Mixin
    ReportOptions report;

    BackupReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var plan = report.options().resolve(ctx.clock());
        AvePointClient client = connection.client(ctx);
        return run(ctx, client, plan, report);
    }

    static int run(CliContext ctx, AvePointClient client, BackupReportOptions.Plan plan,
                   ReportOptions report) throws Exception {
        BackupReportResult r = BackupReport.run(client, plan, report.out, ctx.err()::println);
        if (report.output == RunOptions.OutputFormat.json) {
            ctx.printJson(r.toMap());
        } else {
            BackupReportPrinter.print(ctx.out(), r, report.out);
        }
        return r.passed() ? ExitCodes.SUCCESS : ExitCodes.JOB_FAILED;
    }
}
