package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What a backup report reads and how it judges it; the same options as the {@code iacBackupReport} step. */
public final class ReportOptions {
    @Option(names = "--since", paramLabel = "DURATION", description = "Window back from now, e.g. 24h or 7d (default: 24h unless --start-time is given).")
    String since;
    @Option(names = "--start-time", paramLabel = "TIME", description = "Window start, e.g. 2025-01-31T22:00:00Z or 2025-01-31 (UTC).")
    String startTime;
    @Option(names = "--finish-time", paramLabel = "TIME", description = "Window end (default: now); only with --start-time.")
    String finishTime;
    @Option(names = "--type", paramLabel = "TYPE", description = "all (default), backup, restore, dryrun, retention, auditbackup or export.")
    String type;
    @Option(names = "--status", paramLabel = "STATUS", description = "in-progress, finished, failed or finished-with-exception (default: all).")
    String status;
    @Option(names = "--organization", paramLabel = "ID|NAME", description = "One organisation: its GUID, or its name (matched here).")
    String organization;
    @Option(names = "--fail-on", paramLabel = "GATE", description = "never, failed (default), unsuccessful or stale: when the exit code is 1.")
    String failOn;
    @Option(names = "--max-age", paramLabel = "DURATION", description = "With --fail-on stale: how old each organisation's newest finished backup may be (default: the window).")
    String maxAge;
    @Option(names = "--page-size", paramLabel = "N", description = "Jobs per request (default: 100).", defaultValue = "0")
    int pageSize;
    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write backup-report/ into (default: ${DEFAULT-VALUE}).", defaultValue = "iac-jobs-out")
    Path out;
    @Option(names = "--output", paramLabel = "FORMAT", description = "text or json (json: the result on stdout). Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    RunOptions.OutputFormat output;

    BackupReportOptions options() {
        return new BackupReportOptions(type, since, startTime, finishTime, status, organization, failOn, maxAge, pageSize);
    }
}
