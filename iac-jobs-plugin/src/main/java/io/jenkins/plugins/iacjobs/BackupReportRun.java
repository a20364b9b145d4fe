package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReport;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.util.BuildListenerAdapter;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One backup report, for {@code iacBackupReport} and the freestyle builder alike: resolve the connection and the
 * credentials as the build, check the options (core), read every job of the window into a controller-side
 * temporary folder (core), archive the four files, copy them into the workspace when there is one, add the build
 * summary, then apply the gate.
 */
@Restricted(NoExternalUse.class)
final class BackupReportRun {

    private static final Logger LOGGER = Logger.getLogger(BackupReportRun.class.getName());

    private BackupReportRun() {
    }

    /**
     * @param workspace where to leave {@code backup-report/} for the {@code junit} step, or null outside {@code node}
     * @return the result, whatever the verdict; callers call {@link #gate} after handing it on
     */
    static @NonNull BackupReportResult run(@NonNull Run<?, ?> run, @CheckForNull FilePath workspace,
                                           @NonNull TaskListener listener, @CheckForNull String connection,
                                           @CheckForNull String credentialsId, @NonNull BackupReportOptions options)
            throws IOException, InterruptedException {
        Connection c = IacJobsGlobalConfiguration.get().findForSystem(connection, Connection.SYSTEM_AVEPOINT);
        if (c == null) {
            throw new AbortException(Util.fixEmptyAndTrim(connection) == null
                    ? Messages.BackupReport_noAvePointConnection()
                    : Messages.IacJobRun_noSuchConnection(connection));
        }
        if (!c.isAvePoint()) {
            throw new AbortException(Messages.BackupReport_notAvePoint(c.describe()));
        }
        PrintStream log = listener.getLogger();
        Path work = null;
        try {
            // Checked before any credential is used or request sent, naming the option.
            BackupReportOptions.Plan plan = options.resolve(Clock.systemUTC());
            String id = Util.fixEmptyAndTrim(credentialsId) != null ? credentialsId : c.getCredentialsId();
            ResolvedCredentials creds = CredentialsLookup.forRun(run, id, c.apiBaseUrl());
            AvePointClient client = AvePointAccess.client(c, creds);
            work = Files.createTempDirectory("iac-jobs-backup-");
            BackupReportResult result = BackupReport.run(client, plan, work, line -> log.println("[IaC Jobs] " + line));
            archive(run, listener, work, result);
            if (workspace != null) {
                FilePath target = workspace.child(BackupReport.FOLDER);
                new FilePath(work.resolve(BackupReport.FOLDER).toFile()).copyRecursiveTo(target);
                log.println("[IaC Jobs] " + Messages.BackupReport_copiedToWorkspace(BackupReport.FOLDER));
            }
            run.addAction(new BackupReportAction(c.getName(), result));
            log.println("[IaC Jobs] " + Messages.BackupReport_verdict(result.verdict().label(), result.verdict().reason()));
            return result;
        } catch (IacJobsException e) {
            // Core's messages name the option, status or correlation id; no stack trace in the build log.
            throw new AbortException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (work != null) {
                try {
                    new FilePath(work.toFile()).deleteRecursive();
                } catch (IOException e) {
                    LOGGER.log(Level.FINE, "could not delete " + work, e);
                }
            }
        }
    }

    /** Fails the build per {@code failOn}, with the verdict as the message; the files are already archived. */
    static void gate(@NonNull BackupReportResult result) throws AbortException {
        if (!result.passed()) {
            String details = result.verdict().details().isEmpty() ? ""
                    : "\n  " + String.join("\n  ", result.verdict().details());
            throw new AbortException(Messages.BackupReport_failed(result.verdict().failOn().label(),
                    result.verdict().reason()) + details);
        }
    }

    private static void archive(Run<?, ?> run, TaskListener listener, Path root, BackupReportResult result)
            throws IOException, InterruptedException {
        Map<String, String> files = result.files().stream()
                .collect(Collectors.toMap(f -> f, f -> f, (a, b) -> a, LinkedHashMap::new));
        // pickArtifactManager, not getArtifactManager: the first archiving call must choose the configured manager.
        run.pickArtifactManager().archive(new FilePath(root.toFile()), new Launcher.LocalLauncher(listener),
                new BuildListenerAdapter(listener), files);
        listener.getLogger().println("[IaC Jobs] " + Messages.IacJobRun_archived(files.size(), BackupReport.FOLDER + "/"));
    }
}
