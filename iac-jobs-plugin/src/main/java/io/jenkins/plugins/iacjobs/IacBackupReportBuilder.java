package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "AvePoint backup report" for freestyle projects: the same options and the same {@link BackupReportRun} as
 * {@code iacBackupReport}. Needs no workspace; when the build has one, {@code backup-report/} is also left there
 * for the JUnit publisher.
 */
public final class IacBackupReportBuilder extends Builder implements SimpleBuildStep {

    private String connection;
    private String credentialsId;
    private String type;
    private String since;
    private String startTime;
    private String finishTime;
    private String status;
    private String organization;
    private String failOn;
    private String maxAge;

    @DataBoundConstructor
    public IacBackupReportBuilder() {
    }

    public @CheckForNull String getConnection() {
        return connection;
    }

    @DataBoundSetter
    public void setConnection(@CheckForNull String connection) {
        this.connection = Util.fixEmptyAndTrim(connection);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public @CheckForNull String getType() {
        return type;
    }

    @DataBoundSetter
    public void setType(@CheckForNull String type) {
        this.type = Util.fixEmptyAndTrim(type);
    }

    public @CheckForNull String getSince() {
        return since;
    }

    @DataBoundSetter
    public void setSince(@CheckForNull String since) {
        this.since = Util.fixEmptyAndTrim(since);
    }

    public @CheckForNull String getStartTime() {
        return startTime;
    }

    @DataBoundSetter
    public void setStartTime(@CheckForNull String startTime) {
        this.startTime = Util.fixEmptyAndTrim(startTime);
    }

    public @CheckForNull String getFinishTime() {
        return finishTime;
    }

    @DataBoundSetter
    public void setFinishTime(@CheckForNull String finishTime) {
        this.finishTime = Util.fixEmptyAndTrim(finishTime);
    }

    public @CheckForNull String getStatus() {
        return status;
    }

    @DataBoundSetter
    public void setStatus(@CheckForNull String status) {
        this.status = Util.fixEmptyAndTrim(status);
    }

    public @CheckForNull String getOrganization() {
        return organization;
    }

    @DataBoundSetter
    public void setOrganization(@CheckForNull String organization) {
        this.organization = Util.fixEmptyAndTrim(organization);
    }

    public @CheckForNull String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(@CheckForNull String failOn) {
        this.failOn = Util.fixEmptyAndTrim(failOn);
    }

    public @CheckForNull String getMaxAge() {
        return maxAge;
    }

    @DataBoundSetter
    public void setMaxAge(@CheckForNull String maxAge) {
        this.maxAge = Util.fixEmptyAndTrim(maxAge);
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    /** Called when the build has a workspace (a freestyle build always does): the files are left there too. */
    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        report(run, workspace, env, listener);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        report(run, null, env, listener);
    }

    private void report(Run<?, ?> run, @CheckForNull FilePath workspace, EnvVars env, TaskListener listener)
            throws InterruptedException, IOException {
        BackupReportOptions options = new BackupReportOptions(env.expand(type), env.expand(since), env.expand(startTime),
                env.expand(finishTime), env.expand(status), env.expand(organization), env.expand(failOn), env.expand(maxAge), 0);
        BackupReportResult result = BackupReportRun.run(run, workspace, listener, connection, credentialsId, options);
        BackupReportRun.gate(result);
    }

    @Extension
    @Symbol("avePointBackupReport")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IacBackupReportBuilder_displayName();
        }

        @POST
        public ListBoxModel doFillConnectionItems(@AncestorInPath Item item, @QueryParameter String connection) {
            return Forms.connectionItems(item, connection);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                     @QueryParameter String credentialsId) {
            return Forms.credentialsItems(item, connection, credentialsId);
        }

        @POST
        public ListBoxModel doFillTypeItems(@AncestorInPath Item item) {
            return BackupReportForms.typeItems(item);
        }

        @POST
        public ListBoxModel doFillStatusItems(@AncestorInPath Item item) {
            return BackupReportForms.statusItems(item);
        }

        @POST
        public ListBoxModel doFillFailOnItems(@AncestorInPath Item item) {
            return BackupReportForms.failOnItems(item);
        }

        @POST
        public FormValidation doCheckSince(@AncestorInPath Item item, @QueryParameter String value,
                                           @QueryParameter String startTime, @QueryParameter String finishTime,
                                           @QueryParameter String type, @QueryParameter String status,
                                           @QueryParameter String organization, @QueryParameter String failOn,
                                           @QueryParameter String maxAge) {
            return BackupReportForms.checkOptions(item, new BackupReportOptions(type, value, startTime, finishTime, status,
                    organization, failOn, maxAge, 0));
        }
    }
}
