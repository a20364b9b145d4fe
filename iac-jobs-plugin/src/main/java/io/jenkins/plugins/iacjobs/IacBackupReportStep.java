package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code iacBackupReport}: reads every AvePoint Cloud Backup for Dynamics 365 job of a window, archives
 * {@code backup-report/*}, shows the counts and the verdict, fails per {@code failOn}, and returns the counts.
 * A bounded pull of pages, not a wait on a remote job: {@link SynchronousNonBlockingStepExecution} runs it off the
 * CPS VM thread (docs/plugin-design.md says why that is enough here).
 */
public final class IacBackupReportStep extends Step {

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
    private int pageSize;

    @DataBoundConstructor
    public IacBackupReportStep() {
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

    /** Rows per page; 0 is core's default (100). */
    public int getPageSize() {
        return pageSize;
    }

    @DataBoundSetter
    public void setPageSize(int pageSize) {
        this.pageSize = Math.max(0, pageSize);
    }

    BackupReportOptions toOptions() {
        return new BackupReportOptions(type, since, startTime, finishTime, status, organization, failOn, maxAge, pageSize);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, connection, credentialsId, toOptions());
    }

    /**
     * Runs on the shared non-blocking pool. Nothing of it is persisted (a restart fails it, as for every
     * synchronous non-blocking step, and the report can simply be run again), so its fields are transient.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient String connection;
        private final transient String credentialsId;
        private final transient BackupReportOptions options;

        Execution(StepContext context, String connection, String credentialsId, BackupReportOptions options) {
            super(context);
            this.connection = connection;
            this.credentialsId = credentialsId;
            this.options = options;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            FilePath workspace = getContext().get(FilePath.class); // only inside node {}; optional
            BackupReportResult result = BackupReportRun.run(run, workspace, listener, connection, credentialsId, options);
            BackupReportRun.gate(result);
            return new java.util.LinkedHashMap<>(result.toMap());
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "iacBackupReport";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IacBackupReportStep_displayName();
        }

        /** No FilePath: works outside node {}; inside one it also leaves the files in the workspace. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
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
