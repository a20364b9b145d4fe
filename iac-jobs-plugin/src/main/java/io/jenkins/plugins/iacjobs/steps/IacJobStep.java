package io.jenkins.plugins.iacjobs.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import io.jenkins.plugins.iacjobs.forms.Forms;
import io.jenkins.plugins.iacjobs.forms.ParameterLines;
import io.jenkins.plugins.iacjobs.remote.JobSpec;
import io.jenkins.plugins.iacjobs.run.BuildLogListener;
import io.jenkins.plugins.iacjobs.run.JobRun;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code iacJob}: runs a remote IaC job and waits for it without holding an executor or a thread.
 * Every option is optional in the constructor because {@code iacJob(jobId: …)} needs no accelerator;
 * {@link Execution#start()} checks that one of the two is given. For Terrakube, {@code template} names what to
 * run ({@code accelerator} is accepted as its alias) in {@code workspace}.
 */
public final class IacJobStep extends Step {

    private final IacJobOptions options = new IacJobOptions();
    private Map<String, String> params = new LinkedHashMap<>();
    private String template;

    @DataBoundConstructor
    public IacJobStep() {
    }

    public @CheckForNull String getAccelerator() {
        return options.getAccelerator();
    }

    @DataBoundSetter
    public void setAccelerator(@CheckForNull String accelerator) {
        options.setAccelerator(accelerator);
    }

    /** Accelerator inputs. Genesys takes strings only, so values are turned into strings here. */
    public @NonNull Map<String, String> getParams() {
        return params;
    }

    @DataBoundSetter
    public void setParams(@CheckForNull Map<String, String> params) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        if (params != null) {
            // Groovy may hand over GStrings or numbers whatever the declared type says.
            for (Map.Entry<?, ?> e : ((Map<?, ?>) params).entrySet()) {
                copy.put(String.valueOf(e.getKey()), e.getValue() == null ? null : String.valueOf(e.getValue()));
            }
        }
        this.params = copy;
    }

    /**
     * The form's view of {@link #getParams()}: {@code name=value} lines, which {@link DescriptorImpl#newInstance}
     * turns back into the map, so the Snippet Generator writes {@code params: [...]}. Not a bound property.
     */
    @Restricted(NoExternalUse.class)
    public String getParamLines() {
        return ParameterLines.format(params);
    }

    /** Terrakube: the template's name or id (older servers: plan, apply or destroy). */
    public @CheckForNull String getTemplate() {
        return template;
    }

    @DataBoundSetter
    public void setTemplate(@CheckForNull String template) {
        this.template = IacJobOptions.text(template);
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

    /**
     * The template, or the accelerator as its alias; both given and different is a mistake worth naming.
     *
     * @param sensitiveParams parameters that hold a secret the build knows of
     */
    JobSpec toSpec(Set<String> sensitiveParams) throws AbortException {
        String accelerator = options.getAccelerator();
        if (template != null && accelerator != null && !template.equals(accelerator)) {
            throw new AbortException(Messages.IacJobStep_templateAndAccelerator(template, accelerator));
        }
        return options.spec(template, params, UnaryOperator.identity(), sensitiveParams);
    }

    /**
     * A parameter given a {@code withCredentials} variable (or any variable Pipeline knows is sensitive) is masked
     * wherever parameters are shown, as the build log masks it: the step's summary, {@code summary.md}, the check.
     */
    @Override
    public StepExecution start(StepContext context) throws Exception {
        EnvironmentExpander expander = context.get(EnvironmentExpander.class);
        EnvVars env = context.get(EnvVars.class);
        Set<String> sensitive = expander == null || env == null ? Set.of()
                : IacJobOptions.holdingSecrets(params, env, expander.getSensitiveVariables());
        return new Execution(context, JobRun.of(toSpec(sensitive)));
    }

    /**
     * Asynchronous, as {@code SleepStep.Execution}: {@link #start()} returns false at once, the shared watcher
     * reports back, and {@link #onResume()} re-attaches the persisted {@link JobRun}, which owns the run's state.
     */
    static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        private final JobRun run;

        Execution(StepContext context, JobRun run) {
            super(context);
            this.run = run;
        }

        @Override
        public boolean start() throws Exception {
            FlowExecution execution = getContext().get(FlowExecution.class);
            if (execution != null && !execution.getDurabilityHint().isPersistWithEveryStep()) {
                BuildLogListener.say(getContext().get(TaskListener.class),
                        Messages.IacJobStep_notDurable(execution.getDurabilityHint().name()));
            }
            deliver(run.start(getContext().get(Run.class), getContext().get(TaskListener.class), getContext()::saveState, this::unstable));
            return false;
        }

        @Override
        public void onResume() {
            try {
                deliver(run.resume(getContext().get(Run.class), getContext().get(TaskListener.class), getContext()::saveState,
                        this::unstable));
            } catch (IOException | InterruptedException e) {
                getContext().onFailure(e);
            }
        }

        /** As the {@code unstable} step: a warning on this step's node (its stage turns yellow), and the build UNSTABLE. */
        private void unstable(String reason) throws IOException, InterruptedException {
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reason));
            }
            getContext().get(Run.class).setResult(Result.UNSTABLE);
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            run.stop();
            // Fail at once so the build aborts promptly; stop() has told the log what happens remotely.
            getContext().onFailure(cause);
        }

        @Override
        public String getStatus() {
            return run.status();
        }

        private void deliver(CompletableFuture<Map<String, Object>> result) {
            result.whenComplete((value, error) -> {
                if (error == null) {
                    getContext().onSuccess(value);
                } else if (!(error instanceof WaitAbortedException)) {
                    getContext().onFailure(error);
                } else {
                    LOGGER.log(Level.FINE, "watch stopped for {0}", getContext());
                }
            });
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor implements FieldEndpoints.Jobs {
        private static final String PARAM_LINES = "paramLines";

        @Override
        public String getFunctionName() {
            return "iacJob";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IacJobStep_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /** The form gives the parameters as lines ({@link IacJobStep#getParamLines()}); the step takes a map. */
        @Override
        public Step newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            if (!formData.has(PARAM_LINES)) {
                return super.newInstance(req, formData);
            }
            JSONObject rest = JSONObject.fromObject(formData);
            Object lines = rest.remove(PARAM_LINES);
            LinkedHashMap<String, String> params;
            try {
                params = ParameterLines.parse(String.valueOf(lines));
            } catch (IllegalArgumentException e) {
                throw new FormException(e.getMessage(), PARAM_LINES);
            }
            IacJobStep step = (IacJobStep) super.newInstance(req, rest);
            step.setParams(params);
            return step;
        }

        @POST
        public FormValidation doCheckParamLines(@AncestorInPath Item item, @QueryParameter String value,
                                                @QueryParameter String accelerator, @QueryParameter String connection,
                                                @QueryParameter String credentialsId, @QueryParameter String jobId) {
            return Forms.checkParameterLines(item, IacJobsGlobalConfiguration.get(), value, accelerator, connection, credentialsId, jobId);
        }

        /** Shown in stage views and Blue Ocean: the target (and workspace) or job id, never the parameters. */
        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            Object a = namedArgs.get("template") != null ? namedArgs.get("template") : namedArgs.get("accelerator");
            Object w = namedArgs.get("workspace");
            Object j = namedArgs.get("jobId");
            if (w != null) {
                return w + (a != null ? " / " + a : "");
            }
            return a != null ? a.toString() : j != null ? j.toString() : null;
        }

        @POST
        public ComboBoxModel doFillWorkspaceItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                  @QueryParameter String credentialsId) {
            return Forms.workspaceNames(item, IacJobsGlobalConfiguration.get(), connection, credentialsId);
        }

        @POST
        public ComboBoxModel doFillTemplateItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                 @QueryParameter String credentialsId) {
            return Forms.templateNames(item, IacJobsGlobalConfiguration.get(), connection, credentialsId);
        }

    }
}
