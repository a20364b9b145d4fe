package io.jenkins.plugins.iacjobs.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * "AvePoint backup report" for freestyle projects: the options of {@code iacBackupReport} ({@link BackupReportSettings})
 * and the same run. Needs no workspace; when the build has one, {@code backup-report/} is also left there for the
 * JUnit publisher.
 */
public final class IacBackupReportBuilder extends RemoteBuilder {

    private final BackupReportSettings settings = new BackupReportSettings();


    @DataBoundConstructor
    public IacBackupReportBuilder() {
    }

    // The shared options (BackupReportSettings documents them), bound one by one as Pipeline and the form name them.
    public @CheckForNull String getConnection() { return settings.getConnection(); }
    @DataBoundSetter public void setConnection(@CheckForNull String connection) { settings.setConnection(connection); }

    public @CheckForNull String getCredentialsId() { return settings.getCredentialsId(); }
    @DataBoundSetter public void setCredentialsId(@CheckForNull String credentialsId) { settings.setCredentialsId(credentialsId); }

    public @CheckForNull String getType() { return settings.getType(); }
    @DataBoundSetter public void setType(@CheckForNull String type) { settings.setType(type); }

    public @CheckForNull String getSince() { return settings.getSince(); }
    @DataBoundSetter public void setSince(@CheckForNull String since) { settings.setSince(since); }

    public @CheckForNull String getStartTime() { return settings.getStartTime(); }
    @DataBoundSetter public void setStartTime(@CheckForNull String startTime) { settings.setStartTime(startTime); }

    public @CheckForNull String getFinishTime() { return settings.getFinishTime(); }
    @DataBoundSetter public void setFinishTime(@CheckForNull String finishTime) { settings.setFinishTime(finishTime); }

    public @CheckForNull String getStatus() { return settings.getStatus(); }
    @DataBoundSetter public void setStatus(@CheckForNull String status) { settings.setStatus(status); }

    public @CheckForNull String getOrganization() { return settings.getOrganization(); }
    @DataBoundSetter public void setOrganization(@CheckForNull String organization) { settings.setOrganization(organization); }

    public @CheckForNull String getFailOn() { return settings.getFailOn(); }
    @DataBoundSetter public void setFailOn(@CheckForNull String failOn) { settings.setFailOn(failOn); }

    public @CheckForNull String getMaxAge() { return settings.getMaxAge(); }
    @DataBoundSetter public void setMaxAge(@CheckForNull String maxAge) { settings.setMaxAge(maxAge); }

    public int getPageSize() { return settings.getPageSize(); }
    @DataBoundSetter public void setPageSize(int pageSize) { settings.setPageSize(pageSize); }

    /** Called when the build has a workspace (a freestyle build always does): the files are left there too. */
    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        settings.report(run, workspace, listener, env::expand);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        settings.report(run, null, listener, env::expand);
    }

    @Extension
    @Symbol("avePointBackupReport")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> implements FieldEndpoints.BackupReports {

        public DescriptorImpl() {
            // One help text per option, one form: the step's.
            for (String field : List.of("connection", "credentialsId", "type", "since", "startTime", "finishTime", "status",
                    "organization", "failOn", "maxAge", "pageSize")) {
                addHelpFileRedirect(field, IacBackupReportStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IacBackupReportBuilder_displayName();
        }
    }
}
