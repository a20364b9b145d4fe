package io.jenkins.plugins.iacjobs.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.terrakube.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeServer;
import io.jenkins.plugins.iacjobs.forms.ConnectionForms;
import io.jenkins.plugins.iacjobs.remote.ApprovalDecisions;
import io.jenkins.plugins.iacjobs.remote.TerrakubeSystem;
import io.jenkins.plugins.iacjobs.remote.Workspaces;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Terrakube: its API server and organization; optionally the template {@code planOnly} runs, and its UI. */
public final class TerrakubeConnection extends JobConnection {

    private String baseUrl;
    private String organization;
    private String planOnlyTemplate;
    private String uiUrl;
    private String apiGeneration;

    @DataBoundConstructor
    public TerrakubeConnection(String name) {
        super(name);
    }

    /** The API server, such as {@code https://terrakube-api.example.com}; HTTPS unless on loopback. */
    public @CheckForNull String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(@CheckForNull String baseUrl) {
        this.baseUrl = url(baseUrl);
    }

    /** The organization's name or id. */
    public @CheckForNull String getOrganization() {
        return organization;
    }

    @DataBoundSetter
    public void setOrganization(@CheckForNull String organization) {
        this.organization = Util.fixEmptyAndTrim(organization);
    }

    /** The template {@code planOnly} runs when a step names none. */
    public @CheckForNull String getPlanOnlyTemplate() {
        return planOnlyTemplate;
    }

    @DataBoundSetter
    public void setPlanOnlyTemplate(@CheckForNull String planOnlyTemplate) {
        this.planOnlyTemplate = Util.fixEmptyAndTrim(planOnlyTemplate);
    }

    /** The UI, so that run links open there rather than in the API. */
    public @CheckForNull String getUiUrl() {
        return uiUrl;
    }

    @DataBoundSetter
    public void setUiUrl(@CheckForNull String uiUrl) {
        this.uiUrl = url(uiUrl);
    }

    /** {@code detect} (the default: asked once), {@code current} (templates) or {@code older} (commands). */
    public @CheckForNull String getApiGeneration() {
        return apiGeneration;
    }

    @DataBoundSetter
    public void setApiGeneration(@CheckForNull String apiGeneration) {
        this.apiGeneration = choice(apiGeneration);
    }

    /** @throws ValidationException naming the field when the URL, the organization or the API generation is unusable */
    @Override
    public @NonNull TerrakubeSystem jobSystem() {
        if (baseUrl == null) {
            throw new ValidationException("baseUrl", Messages.Terrakube_urlRequired());
        }
        TerrakubeServer server = TerrakubeServer.of(baseUrl, organization).withApi(api()).withPlanOnlyTemplate(planOnlyTemplate);
        return new TerrakubeSystem(getName(), uiUrl == null ? server : server.withUiUrl(uiUrl), poll(), timeout());
    }

    private ApiGeneration api() {
        if (apiGeneration == null) {
            return ApiGeneration.DETECT;
        }
        try {
            return ApiGeneration.valueOf(apiGeneration.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("apiGeneration", Messages.Terrakube_apiGeneration(apiGeneration));
        }
    }

    @Override
    public @NonNull Optional<Workspaces> workspaces() {
        return Optional.of(jobSystem());
    }

    @Override
    public @NonNull Optional<ApprovalDecisions> approvals() {
        return Optional.of(jobSystem());
    }

    @Override
    public String toString() {
        return getName() + " (Terrakube, " + baseUrl + ", " + organization + ")";
    }

    @Extension(ordinal = 200) // the order of "Add connection"
    @Symbol("terrakube")
    public static final class DescriptorImpl extends JobConnectionDescriptor<TerrakubeConnection> {

        public DescriptorImpl() {
            super(TerrakubeConnection.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Terrakube_displayName();
        }

        @Override
        protected @NonNull TerrakubeConnection draft(@NonNull Function<String, String> field) {
            TerrakubeConnection c = common(new TerrakubeConnection(draftName(field)), field);
            c.setBaseUrl(field.apply("baseUrl"));
            c.setOrganization(field.apply("organization"));
            c.setPlanOnlyTemplate(field.apply("planOnlyTemplate"));
            c.setApiGeneration(field.apply("apiGeneration"));
            return c;
        }

        @POST
        public ListBoxModel doFillApiGenerationItems() {
            return ConnectionForms.choices(Messages.Terrakube_apiDetect(), "", Messages.Terrakube_apiCurrent(), "current",
                    Messages.Terrakube_apiOlder(), "older");
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String baseUrl,
                                                     @QueryParameter String organization) {
            return ConnectionForms.credentialsItems(() -> draft(fields("credentialsId", credentialsId, "baseUrl", baseUrl,
                    "organization", organization)), credentialsId);
        }

        /** The organization has its own check: a placeholder here, so that only the URL is judged. */
        @POST
        public FormValidation doCheckBaseUrl(@QueryParameter String value) {
            return ConnectionForms.checkLocation(() -> draft(fields("baseUrl", value, "organization", "check")));
        }

        @POST
        public FormValidation doCheckOrganization(@QueryParameter String value) {
            return ConnectionForms.checkRequired(value, Messages.Terrakube_organizationRequired());
        }
    }
}
