package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.forms.Forms;
import io.jenkins.plugins.iacjobs.forms.ParameterLines;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Run IaC job" for freestyle projects: the options of {@code iacJob} ({@link IacJobOptions}) and the same
 * {@link IacJobRun}; parameters are {@code name=value} lines so the form can validate them all at once against the
 * accelerator. Needs no workspace. A freestyle build holds its executor anyway, so this waits on the run's result.
 * For a Terrakube connection, {@code accelerator} is the template.
 */
public final class IacJobBuilder extends RemoteBuilder {

    private IacJobOptions options = new IacJobOptions();
    private String parameters;

    // Where jobs saved before the options were shared keep their values; readResolve moves them into options.
    @Deprecated private transient String accelerator;
    @Deprecated private transient Boolean planOnly;
    @Deprecated private transient String connection;
    @Deprecated private transient String credentialsId;
    @Deprecated private transient String timeout;
    @Deprecated private transient Boolean failOnError;
    @Deprecated private transient Boolean submitOnly;
    @Deprecated private transient String jobId;
    @Deprecated private transient String workspace;
    @Deprecated private transient String branch;
    @Deprecated private transient String approve;
    @Deprecated private transient String approvers;
    @Deprecated private transient Boolean keepAnsi;

    @DataBoundConstructor
    public IacJobBuilder(String accelerator) {
        options.setAccelerator(accelerator);
    }

    /** A job saved with the flat fields of earlier versions loads with the same values. */
    @SuppressWarnings("deprecation")
    protected Object readResolve() {
        if (options == null) {
            options = new IacJobOptions();
            options.setAccelerator(accelerator);
            options.setPlanOnly(Boolean.TRUE.equals(planOnly));
            options.setConnection(connection);
            options.setCredentialsId(credentialsId);
            options.setTimeout(timeout);
            options.setFailOnError(failOnError == null || failOnError);
            options.setSubmitOnly(Boolean.TRUE.equals(submitOnly));
            options.setJobId(jobId);
            options.setWorkspace(workspace);
            options.setBranch(branch);
            options.setApprove(approve);
            options.setApprovers(approvers);
            options.setKeepAnsi(Boolean.TRUE.equals(keepAnsi));
        }
        return this;
    }

    public @CheckForNull String getAccelerator() {
        return options.getAccelerator();
    }

    public @CheckForNull String getParameters() {
        return parameters;
    }

    @DataBoundSetter
    public void setParameters(@CheckForNull String parameters) {
        this.parameters = Util.fixEmptyAndTrim(parameters);
    }

    // The shared options (IacJobOptions documents them), bound one by one as Pipeline and the form name them.
    public boolean isPlanOnly() { return options.isPlanOnly(); }
    @DataBoundSetter public void setPlanOnly(boolean planOnly) { options.setPlanOnly(planOnly); }

    public @CheckForNull String getConnection() { return options.getConnection(); }
    @DataBoundSetter public void setConnection(@CheckForNull String connection) { options.setConnection(connection); }

    public @CheckForNull String getCredentialsId() { return options.getCredentialsId(); }
    @DataBoundSetter public void setCredentialsId(@CheckForNull String credentialsId) { options.setCredentialsId(credentialsId); }

    public @CheckForNull String getTimeout() { return options.getTimeout(); }
    @DataBoundSetter public void setTimeout(@CheckForNull String timeout) { options.setTimeout(timeout); }

    public boolean isFailOnError() { return options.isFailOnError(); }
    @DataBoundSetter public void setFailOnError(boolean failOnError) { options.setFailOnError(failOnError); }

    public boolean isSubmitOnly() { return options.isSubmitOnly(); }
    @DataBoundSetter public void setSubmitOnly(boolean submitOnly) { options.setSubmitOnly(submitOnly); }

    public @CheckForNull String getJobId() { return options.getJobId(); }
    @DataBoundSetter public void setJobId(@CheckForNull String jobId) { options.setJobId(jobId); }

    public @CheckForNull String getWorkspace() { return options.getWorkspace(); }
    @DataBoundSetter public void setWorkspace(@CheckForNull String workspace) { options.setWorkspace(workspace); }

    public @CheckForNull String getBranch() { return options.getBranch(); }
    @DataBoundSetter public void setBranch(@CheckForNull String branch) { options.setBranch(branch); }

    public @CheckForNull String getApprove() { return options.getApprove(); }
    @DataBoundSetter public void setApprove(@CheckForNull String approve) { options.setApprove(approve); }

    public @CheckForNull String getApprovers() { return options.getApprovers(); }
    @DataBoundSetter public void setApprovers(@CheckForNull String approvers) { options.setApprovers(approvers); }

    public boolean isKeepAnsi() { return options.isKeepAnsi(); }
    @DataBoundSetter public void setKeepAnsi(boolean keepAnsi) { options.setKeepAnsi(keepAnsi); }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        LinkedHashMap<String, String> params;
        try {
            params = ParameterLines.parse(env.expand(Util.fixNull(parameters)));
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        IacJobRun r = IacJobRun.start(run, listener, options.toRequest(null, params, env::expand), s -> { });
        try {
            r.result().get();
        } catch (InterruptedException e) {
            r.stop(); // says in the log whether the remote job goes on
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AbortException a) {
                throw a;
            }
            throw new AbortException(cause == null ? e.getMessage() : cause.getMessage());
        }
    }

    @Extension
    @Symbol("runIacJob")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> implements FieldEndpoints.Jobs {

        public DescriptorImpl() {
            // One help text per option: the step's.
            for (String field : List.of("approve", "approvers", "branch", "connection", "credentialsId", "failOnError", "jobId",
                    "keepAnsi", "planOnly", "submitOnly", "timeout", "workspace")) {
                addHelpFileRedirect(field, IacJobStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IacJobBuilder_displayName();
        }

        @POST
        public ListBoxModel doFillAcceleratorItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                   @QueryParameter String credentialsId, @QueryParameter String accelerator) {
            return Forms.acceleratorItems(item, IacJobsGlobalConfiguration.get(), connection, credentialsId, accelerator);
        }

        @POST
        public ListBoxModel doFillWorkspaceItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                 @QueryParameter String credentialsId, @QueryParameter String workspace) {
            return Forms.workspaceItems(item, IacJobsGlobalConfiguration.get(), connection, credentialsId, workspace);
        }

        /** Checks every line against the accelerator's specification: unknown names, missing required, enums. */
        @POST
        public FormValidation doCheckParameters(@AncestorInPath Item item, @QueryParameter String value,
                                                @QueryParameter String accelerator, @QueryParameter String connection,
                                                @QueryParameter String credentialsId, @QueryParameter String jobId) {
            return Forms.checkParameterLines(item, IacJobsGlobalConfiguration.get(), value, accelerator, connection, credentialsId, jobId);
        }
    }
}
