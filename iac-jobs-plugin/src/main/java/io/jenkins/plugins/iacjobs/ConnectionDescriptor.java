package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.forms.ConnectionForms;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/** The form's endpoints; {@link ConnectionForms} holds what they do, each checking Administer first. */
@Extension
@Symbol("connection")
public final class ConnectionDescriptor extends Descriptor<Connection> {

    public ConnectionDescriptor() {
        super(Connection.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.Connection_displayName();
    }

    @POST
    public ListBoxModel doFillSystemItems() {
        return ConnectionForms.systemItems();
    }

    @POST
    public ListBoxModel doFillRegionItems() {
        return ConnectionForms.regionItems();
    }

    @POST
    public ListBoxModel doFillApiGenerationItems(@QueryParameter String system) {
        return ConnectionForms.apiGenerationItems(system);
    }

    @POST
    public ListBoxModel doFillIdentityServiceItems() {
        return ConnectionForms.identityServiceItems();
    }

    @POST
    public ListBoxModel doFillDataCentreItems() {
        return ConnectionForms.dataCentreItems();
    }

    /** The form sends the fields named here (Jenkins' fillDependsOn comes from these parameters). */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String system,
                                                 @QueryParameter String baseUrl, @QueryParameter String region,
                                                 @QueryParameter String dataCentre, @QueryParameter String identityUrl,
                                                 @QueryParameter String identityService) {
        return ConnectionForms.credentialsItems(draft(fields("credentialsId", credentialsId, "system", system, "baseUrl", baseUrl,
                "region", region, "dataCentre", dataCentre, "identityUrl", identityUrl, "identityService", identityService)));
    }

    @POST
    public FormValidation doCheckName(@QueryParameter String value) {
        return ConnectionForms.checkName(value);
    }

    /** Where the connection points, as its system reads it; the organization has its own check, so a placeholder. */
    @POST
    public FormValidation doCheckBaseUrl(@QueryParameter String value, @QueryParameter String system,
                                         @QueryParameter String region, @QueryParameter String dataCentre) {
        return ConnectionForms.checkLocation(draft(fields("baseUrl", value, "system", system, "region", region,
                "dataCentre", dataCentre, "organization", "check")));
    }

    @POST
    public FormValidation doCheckOrganization(@QueryParameter String value, @QueryParameter String system) {
        return ConnectionForms.checkOrganization(value, system);
    }

    @POST
    public FormValidation doCheckIdentityUrl(@QueryParameter String value) {
        return ConnectionForms.checkIdentityUrl(value);
    }

    @POST
    public FormValidation doCheckMaxPollSeconds(@QueryParameter int value, @QueryParameter int minPollSeconds) {
        return ConnectionForms.checkPoll(value, minPollSeconds);
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@QueryParameter int value) {
        return ConnectionForms.checkTimeoutMinutes(value);
    }

    /** Signs in with the credentials as selected in the form and makes one cheap read of the remote. */
    @POST
    public FormValidation doTestConnection(StaplerRequest2 req) {
        return ConnectionForms.test(draft(req::getParameter));
    }

    /** A connection from the form's current values, as the form endpoints get them (nothing is saved). */
    static Connection draft(Function<String, String> value) {
        Connection c = new Connection(Util.fixEmptyAndTrim(value.apply("name")) == null ? "draft" : value.apply("name"));
        c.setSystem(value.apply("system"));
        c.setRegion(value.apply("region"));
        c.setBaseUrl(value.apply("baseUrl"));
        c.setCredentialsId(value.apply("credentialsId"));
        c.setOrganization(value.apply("organization"));
        c.setPlanOnlyTemplate(value.apply("planOnlyTemplate"));
        c.setApiGeneration(value.apply("apiGeneration"));
        c.setIdentityService(value.apply("identityService"));
        c.setIdentityUrl(value.apply("identityUrl"));
        c.setDataCentre(value.apply("dataCentre"));
        c.setClientId(value.apply("clientId"));
        return c;
    }

    /** Name and value pairs as the form sent them; a value may be null (the field was not sent). */
    private static Function<String, String> fields(String... nameValue) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m::get;
    }
}
