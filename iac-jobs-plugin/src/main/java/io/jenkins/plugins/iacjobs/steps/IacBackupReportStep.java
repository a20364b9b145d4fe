package io.jenkins.plugins.iacjobs.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code iacBackupReport}: reads every AvePoint Cloud Backup for Dynamics 365 job of a window, archives
 * {@code backup-report/*}, shows the counts and the verdict, fails per {@code failOn}, and returns the counts.
 * A bounded pull of pages, not a wait on a remote job: {@link SynchronousNonBlockingStepExecution} runs it off the
 * CPS VM thread (docs/plugin-design.md says why that is enough here).
 */
public final class IacBackupReportStep extends Step {

    private final BackupReportSettings settings = new BackupReportSettings();

    @DataBoundConstructor
    public IacBackupReportStep() {
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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, settings);
    }

    /**
     * Runs on the shared non-blocking pool. Nothing of it is persisted (a restart fails it, as for every
     * synchronous non-blocking step, and the report can simply be run again), so its fields are transient.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient BackupReportSettings settings;

        Execution(StepContext context, BackupReportSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            FilePath workspace = getContext().get(FilePath.class); // only inside node {}; optional
            return new LinkedHashMap<>(settings.report(run, workspace, listener, UnaryOperator.identity()).toMap());
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor implements FieldEndpoints.BackupReports {

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
    }
}
