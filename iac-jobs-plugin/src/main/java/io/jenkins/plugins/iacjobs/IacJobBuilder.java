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
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorInputs;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorResolver;
import io.jenkins.plugins.iacjobs.core.genesys.ParameterValidator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Run IaC job" for freestyle projects. Same options and the same {@link IacJobRun} as {@code iacJob};
 * parameters are {@code name=value} lines so the form can validate them all at once against the accelerator.
 * Needs no workspace. A freestyle build holds its executor anyway, so this waits on the run's result.
 * For a Terrakube connection, {@code accelerator} is the template, and {@code workspace}, {@code branch} and
 * {@code approve} apply.
 */
public final class IacJobBuilder extends Builder implements SimpleBuildStep {

    private final String accelerator;
    private String parameters;
    private boolean planOnly;
    private String connection;
    private String credentialsId;
    private String timeout;
    private boolean failOnError = true;
    private boolean submitOnly;
    private String jobId;
    private String workspace;
    private String branch;
    private String approve;
    private boolean keepAnsi;
    private String approvers;

    @DataBoundConstructor
    public IacJobBuilder(String accelerator) {
        this.accelerator = Util.fixEmptyAndTrim(accelerator);
    }

    public @CheckForNull String getAccelerator() {
        return accelerator;
    }

    public @CheckForNull String getParameters() {
        return parameters;
    }

    @DataBoundSetter
    public void setParameters(@CheckForNull String parameters) {
        this.parameters = Util.fixEmptyAndTrim(parameters);
    }

    public boolean isPlanOnly() {
        return planOnly;
    }

    @DataBoundSetter
    public void setPlanOnly(boolean planOnly) {
        this.planOnly = planOnly;
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

    public @CheckForNull String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public boolean isSubmitOnly() {
        return submitOnly;
    }

    @DataBoundSetter
    public void setSubmitOnly(boolean submitOnly) {
        this.submitOnly = submitOnly;
    }

    public @CheckForNull String getJobId() {
        return jobId;
    }

    @DataBoundSetter
    public void setJobId(@CheckForNull String jobId) {
        this.jobId = Util.fixEmptyAndTrim(jobId);
    }

    public @CheckForNull String getWorkspace() {
        return workspace;
    }

    @DataBoundSetter
    public void setWorkspace(@CheckForNull String workspace) {
        this.workspace = Util.fixEmptyAndTrim(workspace);
    }

    public @CheckForNull String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(@CheckForNull String branch) {
        this.branch = Util.fixEmptyAndTrim(branch);
    }

    public @CheckForNull String getApprove() {
        return approve;
    }

    @DataBoundSetter
    public void setApprove(@CheckForNull String approve) {
        String a = Util.fixEmptyAndTrim(approve);
        this.approve = a == null ? null : a.toLowerCase(java.util.Locale.ROOT);
    }

    public @CheckForNull String getApprovers() {
        return approvers;
    }

    @DataBoundSetter
    public void setApprovers(@CheckForNull String approvers) {
        this.approvers = Util.fixEmptyAndTrim(approvers);
    }

    public boolean isKeepAnsi() {
        return keepAnsi;
    }

    @DataBoundSetter
    public void setKeepAnsi(boolean keepAnsi) {
        this.keepAnsi = keepAnsi;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        if (accelerator == null && jobId == null && workspace == null) {
            throw new AbortException(Messages.IacJobStep_acceleratorOrJobId());
        }
        LinkedHashMap<String, String> params;
        try {
            params = ParameterLines.parse(env.expand(Util.fixNull(parameters)));
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        IacJobRequest request = new IacJobRequest(connection, env.expand(accelerator), params, planOnly, credentialsId,
                timeout, failOnError, submitOnly, env.expand(jobId), env.expand(workspace), env.expand(branch), approve)
                .withKeepAnsi(keepAnsi).withApprovers(approvers);
        IacJobRun r = IacJobRun.start(run, listener, request, s -> { });
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
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

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
        public ListBoxModel doFillConnectionItems(@AncestorInPath Item item, @QueryParameter String connection) {
            return Forms.connectionItems(item, connection);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                     @QueryParameter String credentialsId) {
            return Forms.credentialsItems(item, connection, credentialsId);
        }

        @POST
        public ListBoxModel doFillAcceleratorItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                   @QueryParameter String credentialsId, @QueryParameter String accelerator) {
            return Forms.acceleratorItems(item, connection, credentialsId, accelerator);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkTimeout(item, value);
        }

        @POST
        public ListBoxModel doFillWorkspaceItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                 @QueryParameter String credentialsId, @QueryParameter String workspace) {
            return Forms.workspaceItems(item, connection, credentialsId, workspace);
        }

        @POST
        public ListBoxModel doFillApproveItems(@AncestorInPath Item item) {
            return Forms.approveItems(item);
        }

        /** Checks every line against the accelerator's specification: unknown names, missing required, enums. */
        @POST
        public FormValidation doCheckParameters(@AncestorInPath Item item, @QueryParameter String value,
                                                @QueryParameter String accelerator, @QueryParameter String connection,
                                                @QueryParameter String credentialsId, @QueryParameter String jobId) {
            Forms.checkConfigure(item);
            LinkedHashMap<String, String> params;
            try {
                params = ParameterLines.parse(value);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            if (Util.fixEmptyAndTrim(jobId) != null || Util.fixEmptyAndTrim(accelerator) == null
                    || Util.fixEmptyAndTrim(accelerator).contains("$")) {
                return FormValidation.ok(); // nothing to check against yet, or only known at build time
            }
            try {
                Connection c = Forms.requireConnection(connection);
                if (c.isTerrakube()) {
                    return params.isEmpty() ? FormValidation.ok() : FormValidation.error(Messages.IacJobBuilder_terrakubeNoParameters());
                }
                var client = GenesysAccess.client(c, Forms.credentials(item, c, credentialsId));
                var spec = new AcceleratorResolver(client).resolve(accelerator.trim());
                ParameterValidator.validate(spec.name(), AcceleratorInputs.of(spec), params);
                return FormValidation.ok();
            } catch (IacJobsException e) {
                return FormValidation.error(e.getMessage());
            } catch (AbortException e) {
                return FormValidation.warning(e.getMessage());
            }
        }
    }
}
