package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.actions.BackupReportAction;
import io.jenkins.plugins.iacjobs.config.Connection;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.core.avepoint.report.BackupReport;
import io.jenkins.plugins.iacjobs.credentials.CredentialsLookup;
import io.jenkins.plugins.iacjobs.remote.ReportSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One backup report, for {@code iacBackupReport} and the freestyle builder alike: check the options (core), look the
 * credentials up as the build, read every job of the window into a controller-side temporary folder (core), archive
 * the four files and copy them into the workspace when there is one. The caller adds the build summary, then gates.
 */
@Restricted(NoExternalUse.class)
public final class BackupReportRun {

    private BackupReportRun() {
    }

    /**
     * The whole report of {@code iacBackupReport} and its builder: the AvePoint connection (the one named, or the only
     * one), the credentials (the step's, else the connection's), the files, the build page's summary, then the gate.
     *
     * @param workspace where to leave {@code backup-report/} for the {@code junit} step, or null outside {@code node}
     */
    public static @NonNull BackupReportResult report(@NonNull Run<?, ?> run, @CheckForNull FilePath workspace,
                                                     @NonNull TaskListener listener, @CheckForNull String connection,
                                                     @CheckForNull String credentialsId, @NonNull BackupReportOptions options)
            throws IOException, InterruptedException {
        Connection c = IacJobsGlobalConfiguration.get().requireForReports(connection);
        ReportSystem system = IacJobsGlobalConfiguration.reportsOf(c);
        BackupReportResult result = run(run, workspace, listener, system, CredentialsLookup.chooseId(credentialsId, c.getCredentialsId()),
                options);
        run.addAction(new BackupReportAction(c.getName(), result));
        gate(result);
        return result;
    }

    /** @return the result, whatever the verdict; {@link #report} gates after handing it on */
    private static @NonNull BackupReportResult run(@NonNull Run<?, ?> run, @CheckForNull FilePath workspace, @NonNull TaskListener listener,
                                                  @NonNull ReportSystem target, @CheckForNull String credentialsId,
                                                  @NonNull BackupReportOptions options) throws IOException, InterruptedException {
        Path work = null;
        try {
            // Checked before any credential is used or request sent, naming the option.
            BackupReportOptions.Plan plan = options.resolve(Clock.systemUTC());
            var client = target.client(CredentialsLookup.forRun(run, credentialsId, target.credentialsUrl()));
            work = Files.createTempDirectory("iac-jobs-backup-");
            BackupReportResult result = BackupReport.run(client, plan, work, line -> BuildLogListener.say(listener, line));
            RunArtifacts.archive(run, listener, work, result.files(), BackupReport.FOLDER + "/");
            if (workspace != null) {
                new FilePath(work.resolve(BackupReport.FOLDER).toFile()).copyRecursiveTo(workspace.child(BackupReport.FOLDER));
                BuildLogListener.say(listener, Messages.BackupReportRun_copiedToWorkspace(BackupReport.FOLDER));
            }
            BuildLogListener.say(listener, Messages.BackupReportRun_verdict(result.verdict().label(), result.verdict().reason()));
            return result;
        } catch (IacJobsException e) {
            // Core's messages name the option, status or correlation id; no stack trace in the build log.
            throw new AbortException(Printable.of(e.getMessage()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (work != null) {
                RunArtifacts.deleteQuietly(work);
            }
        }
    }

    /** Fails the build per {@code failOn}, with the verdict as the message; the files are already archived. */
    private static void gate(@NonNull BackupReportResult result) throws AbortException {
        if (!result.passed()) {
            String details = result.verdict().details().isEmpty() ? ""
                    : "\n  " + result.verdict().details().stream().map(Printable::of).collect(Collectors.joining("\n  "));
            throw new AbortException(Printable.of(Messages.BackupReportRun_failed(result.verdict().failOn().label(),
                    result.verdict().reason())) + details);
        }
    }
}
