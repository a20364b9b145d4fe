package io.jenkins.plugins.iacjobs.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.avepoint.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.forms.ConnectionForms;
import io.jenkins.plugins.iacjobs.remote.AvePointSystem;
import io.jenkins.plugins.iacjobs.remote.ReportSystem;
import java.util.Optional;
import java.util.function.Function;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * AvePoint Cloud Backup for Dynamics 365: the tenant's data centre (or a base URL), the identity service, and the app
 * id a certificate credential signs in as. It has backup reports, not jobs.
 */
public final class AvePointConnection extends Connection {

    private String dataCentre;
    private String baseUrl;
    private String identityService;
    private String identityUrl;
    private String clientId;
    private String apiGeneration;

    @DataBoundConstructor
    public AvePointConnection(String name) {
        super(name);
    }

    /** The tenant's data centre code ({@code us}, {@code ne}, …); when empty the base URL is used. */
    public @CheckForNull String getDataCentre() {
        return dataCentre;
    }

    @DataBoundSetter
    public void setDataCentre(@CheckForNull String dataCentre) {
        this.dataCentre = Util.fixEmptyAndTrim(dataCentre);
    }

    public @CheckForNull String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(@CheckForNull String baseUrl) {
        this.baseUrl = url(baseUrl);
    }

    /** An identity service name ({@code commercial}, {@code us-gov}, …); empty is commercial. */
    public @CheckForNull String getIdentityService() {
        return identityService;
    }

    @DataBoundSetter
    public void setIdentityService(@CheckForNull String identityService) {
        this.identityService = Util.fixEmptyAndTrim(identityService);
    }

    /** The token URL of an identity service not in the list; wins over {@link #getIdentityService()}. */
    public @CheckForNull String getIdentityUrl() {
        return identityUrl;
    }

    @DataBoundSetter
    public void setIdentityUrl(@CheckForNull String identityUrl) {
        this.identityUrl = Util.fixEmptyAndTrim(identityUrl);
    }

    /** The app (client) id a certificate credential signs in as; username/password credentials carry their own. */
    public @CheckForNull String getClientId() {
        return clientId;
    }

    @DataBoundSetter
    public void setClientId(@CheckForNull String clientId) {
        this.clientId = Util.fixEmptyAndTrim(clientId);
    }

    /** {@code current} ({@code GET /dynamicsbackup/jobs}, the default) or {@code legacy}. */
    public @CheckForNull String getApiGeneration() {
        return apiGeneration;
    }

    @DataBoundSetter
    public void setApiGeneration(@CheckForNull String apiGeneration) {
        this.apiGeneration = choice(apiGeneration);
    }

    /** The identity service (URL wins over name) and the data centre (code wins over the base URL). */
    @Override
    public @NonNull AvePointSystem system() {
        String dc = dataCentre != null ? dataCentre : baseUrl;
        if (dc == null) {
            throw new ValidationException("dataCentre", Messages.AvePoint_dataCentreOrBaseUrl());
        }
        String identity = identityUrl != null ? identityUrl : identityService;
        return new AvePointSystem(getName(), AvePointEndpoints.of(identity, dc), clientId, ApiGeneration.parse(apiGeneration));
    }

    @Override
    public @NonNull Optional<ReportSystem> reports() {
        return Optional.of(system());
    }

    @Override
    public String toString() {
        return getName() + " (AvePoint, " + (dataCentre != null ? dataCentre : baseUrl) + ")";
    }

    @Extension(ordinal = 100) // the order of "Add connection"
    @Symbol("avepoint")
    public static final class DescriptorImpl extends ConnectionDescriptor<AvePointConnection> {

        public DescriptorImpl() {
            super(AvePointConnection.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AvePoint_displayName();
        }

        @Override
        protected @NonNull AvePointConnection draft(@NonNull Function<String, String> field) {
            AvePointConnection c = common(new AvePointConnection(draftName(field)), field);
            c.setDataCentre(field.apply("dataCentre"));
            c.setBaseUrl(field.apply("baseUrl"));
            c.setIdentityService(field.apply("identityService"));
            c.setIdentityUrl(field.apply("identityUrl"));
            c.setClientId(field.apply("clientId"));
            c.setApiGeneration(field.apply("apiGeneration"));
            return c;
        }

        @POST
        public ListBoxModel doFillDataCentreItems() {
            return ConnectionForms.dataCentreItems();
        }

        @POST
        public ListBoxModel doFillIdentityServiceItems() {
            return ConnectionForms.identityServiceItems();
        }

        @POST
        public ListBoxModel doFillApiGenerationItems() {
            return ConnectionForms.choices(Messages.AvePoint_apiCurrent(), "", Messages.AvePoint_apiLegacy(), "legacy");
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String dataCentre,
                                                     @QueryParameter String baseUrl, @QueryParameter String identityService,
                                                     @QueryParameter String identityUrl) {
            return ConnectionForms.credentialsItems(() -> draft(fields("credentialsId", credentialsId, "dataCentre", dataCentre,
                    "baseUrl", baseUrl, "identityService", identityService, "identityUrl", identityUrl)), credentialsId);
        }

        @POST
        public FormValidation doCheckBaseUrl(@QueryParameter String value, @QueryParameter String dataCentre) {
            return ConnectionForms.checkLocation(() -> draft(fields("baseUrl", value, "dataCentre", dataCentre)));
        }

        @POST
        public FormValidation doCheckIdentityUrl(@QueryParameter String value) {
            return ConnectionForms.checkIdentityUrl(value);
        }
    }
}
