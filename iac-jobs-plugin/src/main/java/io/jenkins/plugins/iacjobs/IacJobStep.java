package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code iacJob}: runs a remote IaC job and waits for it without holding an executor or a thread.
 * Every option is optional in the constructor because {@code iacJob(jobId: …)} needs no accelerator;
 * {@link Execution#start()} checks that one of the two is given. For Terrakube, {@code template} names what to
 * run ({@code accelerator} is accepted as its alias) in {@code workspace}.
 */
public final class IacJobStep extends Step {

    private String accelerator;
    private Map<String, String> params = new LinkedHashMap<>();
    private boolean planOnly;
    private String connection;
    private String credentialsId;
    private String timeout;
    private boolean failOnError = true;
    private boolean submitOnly;
    private String jobId;
    private String template;
    private String workspace;
    private String branch;
    private String approve;
    private boolean keepAnsi;
    private String approvers;

    @DataBoundConstructor
    public IacJobStep() {
    }

    public @CheckForNull String getAccelerator() {
        return accelerator;
    }

    @DataBoundSetter
    public void setAccelerator(@CheckForNull String accelerator) {
        this.accelerator = Util.fixEmptyAndTrim(accelerator);
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

    /** A duration such as {@code 45m} or {@code 2h}; empty uses the connection's timeout. */
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

    /** Terrakube: the template's name or id (older servers: plan, apply or destroy). */
    public @CheckForNull String getTemplate() {
        return template;
    }

    @DataBoundSetter
    public void setTemplate(@CheckForNull String template) {
        this.template = Util.fixEmptyAndTrim(template);
    }

    /** Terrakube: the workspace's name or id. */
    public @CheckForNull String getWorkspace() {
        return workspace;
    }

    @DataBoundSetter
    public void setWorkspace(@CheckForNull String workspace) {
        this.workspace = Util.fixEmptyAndTrim(workspace);
    }

    /** Terrakube: the git branch to run instead of the workspace's. */
    public @CheckForNull String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(@CheckForNull String branch) {
        this.branch = Util.fixEmptyAndTrim(branch);
    }

    /** Terrakube: at waitingApproval, {@code auto}, {@code never} or {@code wait} (the default when empty). */
    public @CheckForNull String getApprove() {
        return approve;
    }

    @DataBoundSetter
    public void setApprove(@CheckForNull String approve) {
        String a = Util.fixEmptyAndTrim(approve);
        this.approve = a == null ? null : a.toLowerCase(java.util.Locale.ROOT);
    }

    /** With {@code approve: 'input'}: the users or groups who may decide, comma-separated; empty: anyone with Build. */
    public @CheckForNull String getApprovers() {
        return approvers;
    }

    @DataBoundSetter
    public void setApprovers(@CheckForNull String approvers) {
        this.approvers = Util.fixEmptyAndTrim(approvers);
    }

    /** Keep the remote log's terminal colours in the build log (for the AnsiColor plugin) and as {@code log.ansi.txt}. */
    public boolean isKeepAnsi() {
        return keepAnsi;
    }

    @DataBoundSetter
    public void setKeepAnsi(boolean keepAnsi) {
        this.keepAnsi = keepAnsi;
    }

    /** The template, or the accelerator as its alias; both given and different is a mistake worth naming. */
    IacJobRequest toRequest() throws AbortException {
        if (template != null && accelerator != null && !template.equals(accelerator)) {
            throw new AbortException(Messages.IacJobStep_templateAndAccelerator(template, accelerator));
        }
        return new IacJobRequest(connection, template != null ? template : accelerator, new LinkedHashMap<>(params), planOnly,
                credentialsId, timeout, failOnError, submitOnly, jobId, workspace, branch, approve).withKeepAnsi(keepAnsi).withApprovers(approvers);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, toRequest());
    }

    /**
     * Asynchronous, as {@code SleepStep.Execution}: {@link #start()} returns false at once, the shared watcher
     * reports back, and {@link #onResume()} re-attaches from the persisted {@link IacJobRun.State}.
     */
    static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        /** Persisted: parameter values dropped, as one may be sensitive and only the submission needs them. */
        private final IacJobRequest request;
        /** The full request, used once by {@link #start()}; never persisted. */
        private transient IacJobRequest toSubmit;
        private IacJobRun.State state;
        private transient volatile IacJobRun current;

        Execution(StepContext context, IacJobRequest request) {
            super(context);
            this.toSubmit = request;
            this.request = request.withoutParamValues();
        }

        @Override
        public boolean start() throws Exception {
            if (toSubmit.jobId() == null && toSubmit.accelerator() == null && toSubmit.workspace() == null) {
                throw new hudson.AbortException(Messages.IacJobStep_acceleratorOrJobId());
            }
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            current = IacJobRun.start(run, listener, toSubmit, this::persist);
            toSubmit = null;
            state = current.state();
            deliver(current);
            return false;
        }

        @Override
        public void onResume() {
            if (state == null) {
                getContext().onFailure(new hudson.AbortException(Messages.IacJobRun_lostSubmission(request.accelerator())));
                return;
            }
            try {
                Run<?, ?> run = getContext().get(Run.class);
                TaskListener listener = getContext().get(TaskListener.class);
                current = IacJobRun.resume(run, listener, request, state, this::persist);
                deliver(current);
            } catch (IOException | InterruptedException e) {
                getContext().onFailure(e);
            }
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            IacJobRun r = current;
            if (r != null) {
                r.stop();
            }
            // Fail at once so the build aborts promptly; stop() has told the log what happens remotely.
            getContext().onFailure(cause);
        }

        @Override
        public String getStatus() {
            IacJobRun r = current;
            return r == null ? "not started" : r.status();
        }

        private void persist(IacJobRun.State s) {
            state = s;
            getContext().saveState();
        }

        private void deliver(IacJobRun r) {
            r.result().whenComplete((value, error) -> {
                if (error == null) {
                    getContext().onSuccess(value);
                } else if (!(error instanceof io.jenkins.plugins.iacjobs.core.WaitAbortedException)) {
                    getContext().onFailure(error);
                } else {
                    LOGGER.log(Level.FINE, "watch stopped for {0}", getContext());
                }
            });
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

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
        public ListBoxModel doFillConnectionItems(@AncestorInPath Item item, @QueryParameter String connection) {
            return Forms.connectionItems(item, connection);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                     @QueryParameter String credentialsId) {
            return Forms.credentialsItems(item, connection, credentialsId);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkTimeout(item, value);
        }

        @POST
        public ComboBoxModel doFillWorkspaceItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                  @QueryParameter String credentialsId) {
            return Forms.workspaceNames(item, connection, credentialsId);
        }

        @POST
        public ComboBoxModel doFillTemplateItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                 @QueryParameter String credentialsId) {
            return Forms.templateNames(item, connection, credentialsId);
        }

        @POST
        public ListBoxModel doFillApproveItems(@AncestorInPath Item item) {
            return Forms.approveItems(item);
        }
    }
}
