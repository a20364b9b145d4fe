package io.jenkins.plugins.iacjobs.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.forms.Forms;
import io.jenkins.plugins.iacjobs.forms.ParameterLines;
import io.jenkins.plugins.iacjobs.run.JobRun;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Run IaC job" for freestyle projects: the options of {@code iacJob} ({@link IacJobOptions}) and the same
 * {@link JobRun}; parameters are {@code name=value} lines so the form can validate them all at once against the
 * accelerator. Needs no workspace. A freestyle build holds its executor anyway, so this waits on the run's result.
 * For a Terrakube connection, {@code accelerator} is the template.
 */
public final class IacJobBuilder extends RemoteBuilder {

    private final IacJobOptions options = new IacJobOptions();
    private String parameters;


    @DataBoundConstructor
    public IacJobBuilder(String accelerator) {
        options.setAccelerator(accelerator);
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

    public @CheckForNull String getOnChanges() { return options.getOnChanges(); }
    @DataBoundSetter public void setOnChanges(@CheckForNull String onChanges) { options.setOnChanges(onChanges); }

    public boolean isChecks() { return options.isChecks(); }
    @DataBoundSetter public void setChecks(boolean checks) { options.setChecks(checks); }

    public @CheckForNull String getChecksName() { return options.getChecksName(); }
    @DataBoundSetter public void setChecksName(@CheckForNull String checksName) { options.setChecksName(checksName); }

    public @CheckForNull String getQueue() { return options.getQueue(); }
    @DataBoundSetter public void setQueue(@CheckForNull String queue) { options.setQueue(queue); }

    public @CheckForNull String getExpectPlan() { return options.getExpectPlan(); }
    @DataBoundSetter public void setExpectPlan(@CheckForNull String expectPlan) { options.setExpectPlan(expectPlan); }

    public boolean isSensitiveOutputs() { return options.isSensitiveOutputs(); }
    @DataBoundSetter public void setSensitiveOutputs(boolean sensitiveOutputs) { options.setSensitiveOutputs(sensitiveOutputs); }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        LinkedHashMap<String, String> params;
        try {
            params = ParameterLines.parse(env.expand(Util.fixNull(parameters)));
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        // password parameters and the credentials wrapper's variables, as the build log masks them
        Set<String> secretVariables = run instanceof AbstractBuild<?, ?> b ? b.getSensitiveBuildVariables() : Set.of();
        JobRun r = JobRun.of(options.spec(null, params, env::expand, IacJobOptions.holdingSecrets(params, env, secretVariables)));
        try {
            // a freestyle build holds its executor anyway; nothing to persist
            r.start(run, listener, () -> java.util.concurrent.CompletableFuture.completedFuture(null), reason -> run.setResult(Result.UNSTABLE)).get();
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
                    "keepAnsi", "planOnly", "submitOnly", "timeout", "workspace", "onChanges", "checks", "checksName", "queue",
                    "expectPlan", "sensitiveOutputs")) {
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
