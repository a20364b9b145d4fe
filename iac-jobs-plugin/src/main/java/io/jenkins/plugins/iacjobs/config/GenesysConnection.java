package io.jenkins.plugins.iacjobs.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.forms.ConnectionForms;
import io.jenkins.plugins.iacjobs.remote.GenesysSystem;
import io.jenkins.plugins.iacjobs.remote.JobSystem;
import java.util.function.Function;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Genesys Cloud Infrastructure as Code: a region (or a base URL, for a sandbox or a private endpoint). */
public final class GenesysConnection extends JobConnection {

    private String region;
    private String baseUrl;

    @DataBoundConstructor
    public GenesysConnection(String name) {
        super(name);
    }

    /** A region name such as {@code us_east_1}; when set, it wins over {@link #getBaseUrl()}. */
    public @CheckForNull String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(@CheckForNull String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    /** Used when no region is chosen: a sandbox on loopback, or a private endpoint. */
    public @CheckForNull String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(@CheckForNull String baseUrl) {
        this.baseUrl = url(baseUrl);
    }

    /** @throws ValidationException naming the field when neither a region nor a base URL is usable */
    @Override
    public @NonNull JobSystem jobSystem() {
        if (region == null && baseUrl == null) {
            throw new ValidationException("region", Messages.Genesys_regionOrBaseUrl());
        }
        return new GenesysSystem(getName(), GenesysEndpoints.of(region, baseUrl), poll(), timeout());
    }

    @Override
    public String toString() {
        return getName() + " (Genesys Cloud, " + (region != null ? region : baseUrl) + ")";
    }

    @Extension(ordinal = 300) // the order of "Add connection"
    @Symbol("genesys")
    public static final class DescriptorImpl extends JobConnectionDescriptor<GenesysConnection> {

        public DescriptorImpl() {
            super(GenesysConnection.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Genesys_displayName();
        }

        @Override
        protected @NonNull GenesysConnection draft(@NonNull Function<String, String> field) {
            GenesysConnection c = common(new GenesysConnection(draftName(field)), field);
            c.setRegion(field.apply("region"));
            c.setBaseUrl(field.apply("baseUrl"));
            return c;
        }

        @POST
        public ListBoxModel doFillRegionItems() {
            return ConnectionForms.regionItems();
        }

        /** The form sends the fields named here: Jenkins derives fillDependsOn from these parameters. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String region,
                                                     @QueryParameter String baseUrl) {
            return ConnectionForms.credentialsItems(() -> draft(fields("credentialsId", credentialsId, "region", region,
                    "baseUrl", baseUrl)), credentialsId);
        }

        @POST
        public FormValidation doCheckBaseUrl(@QueryParameter String value, @QueryParameter String region) {
            return ConnectionForms.checkLocation(() -> draft(fields("baseUrl", value, "region", region)));
        }
    }
}
