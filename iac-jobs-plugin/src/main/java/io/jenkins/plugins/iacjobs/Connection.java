package io.jenkins.plugins.iacjobs;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.auth.GenesysRegion;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named target for {@code iacJob}: which system, where it lives, which credentials to use by default,
 * and how patiently to poll it. Holds no secret itself, only a credentials id.
 */
public final class Connection extends AbstractDescribableImpl<Connection> {

    /** The only system this issue implements; Terrakube and AvePoint add theirs. */
    public static final String SYSTEM_GENESYS = "genesys";

    static final int DEFAULT_MIN_POLL_SECONDS = 2;
    static final int DEFAULT_MAX_POLL_SECONDS = 30;
    static final int DEFAULT_TIMEOUT_MINUTES = 120;

    private final String name;
    private String system = SYSTEM_GENESYS;
    private String region;
    private String baseUrl;
    private String credentialsId;
    private int minPollSeconds = DEFAULT_MIN_POLL_SECONDS;
    private int maxPollSeconds = DEFAULT_MAX_POLL_SECONDS;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private boolean defaultConnection;

    @DataBoundConstructor
    public Connection(String name) {
        String n = Util.fixEmptyAndTrim(name);
        if (n == null) {
            throw new IllegalArgumentException(Messages.Connection_nameRequired());
        }
        this.name = n;
    }

    public @NonNull String getName() {
        return name;
    }

    public @NonNull String getSystem() {
        return system == null ? SYSTEM_GENESYS : system;
    }

    @DataBoundSetter
    public void setSystem(@CheckForNull String system) {
        String s = Util.fixEmptyAndTrim(system);
        this.system = s == null ? SYSTEM_GENESYS : s.toLowerCase(Locale.ROOT);
    }

    /** Genesys region name such as {@code us_east_1}; when set, it wins over {@link #getBaseUrl()}. */
    public @CheckForNull String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(@CheckForNull String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    /** Used when no region is chosen, e.g. for a sandbox on loopback or a private endpoint. */
    public @CheckForNull String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(@CheckForNull String baseUrl) {
        String u = Util.fixEmptyAndTrim(baseUrl);
        this.baseUrl = u == null ? null : u.replaceAll("/+$", "");
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public int getMinPollSeconds() {
        return minPollSeconds;
    }

    @DataBoundSetter
    public void setMinPollSeconds(int minPollSeconds) {
        this.minPollSeconds = Math.max(1, minPollSeconds);
    }

    public int getMaxPollSeconds() {
        return Math.max(maxPollSeconds, minPollSeconds);
    }

    @DataBoundSetter
    public void setMaxPollSeconds(int maxPollSeconds) {
        this.maxPollSeconds = Math.max(1, maxPollSeconds);
    }

    /** How long a step waits for a job when it gives no {@code timeout} itself; 0 waits without limit. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = Math.max(0, timeoutMinutes);
    }

    public boolean isDefaultConnection() {
        return defaultConnection;
    }

    @DataBoundSetter
    public void setDefaultConnection(boolean defaultConnection) {
        this.defaultConnection = defaultConnection;
    }

    /**
     * The API base URL this connection talks to; the place credentials domains are matched against.
     * @throws IacJobsException when neither a known region nor a usable base URL is configured
     */
    public @NonNull String apiBaseUrl() {
        return GenesysAccess.endpoints(this).apiBase().toString();
    }

    @Override
    public String toString() {
        return name + " (" + getSystem() + ", " + (baseUrl != null ? baseUrl : region) + ")";
    }

    @Extension
    @Symbol("connection")
    public static final class DescriptorImpl extends Descriptor<Connection> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Connection_displayName();
        }

        @POST
        public ListBoxModel doFillSystemItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel m = new ListBoxModel();
            m.add(Messages.Connection_system_genesys(), SYSTEM_GENESYS);
            return m;
        }

        @POST
        public ListBoxModel doFillRegionItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel m = new ListBoxModel();
            m.add(Messages.Connection_region_none(), "");
            for (GenesysRegion r : GenesysRegion.values()) {
                m.add(r.name() + " (" + r.apiBase() + ")", r.name());
            }
            return m;
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId,
                                                     @QueryParameter String baseUrl,
                                                     @QueryParameter String region) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return new StandardListBoxModel()
                    .includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                            CredentialsLookup.domainRequirements(GenesysAccess.urlForForm(region, baseUrl)),
                            CredentialsLookup.SUPPORTED)
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.Connection_nameRequired())
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckBaseUrl(@QueryParameter String value, @QueryParameter String region) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (Util.fixEmptyAndTrim(value) == null && Util.fixEmptyAndTrim(region) == null) {
                return FormValidation.error(Messages.Connection_regionOrBaseUrl());
            }
            try {
                GenesysAccess.endpoints(Util.fixEmptyAndTrim(region), Util.fixEmptyAndTrim(value));
                return FormValidation.ok();
            } catch (IacJobsException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckMaxPollSeconds(@QueryParameter int value, @QueryParameter int minPollSeconds) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value < 1 || minPollSeconds < 1) {
                return FormValidation.error(Messages.Connection_pollPositive());
            }
            return value < minPollSeconds
                    ? FormValidation.error(Messages.Connection_pollOrder(minPollSeconds, value))
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@QueryParameter int value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return value < 0 ? FormValidation.error(Messages.Connection_timeoutNegative()) : FormValidation.ok();
        }

        /** Fetches a token and reads one page of accelerators, with the credentials as selected in the form. */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name,
                                               @QueryParameter String region,
                                               @QueryParameter String baseUrl,
                                               @QueryParameter String credentialsId) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            Connection c;
            try {
                c = new Connection(Util.fixEmptyAndTrim(name) == null ? "test" : name);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            c.setRegion(region);
            c.setBaseUrl(baseUrl);
            c.setCredentialsId(credentialsId);
            try {
                ResolvedCredentials creds = CredentialsLookup.forSystem(c.getCredentialsId(), c.apiBaseUrl());
                int count = GenesysAccess.testConnection(c, creds);
                return FormValidation.ok(Messages.Connection_testOk(c.apiBaseUrl(), count));
            } catch (IacJobsException | AbortException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
