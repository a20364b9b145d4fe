package io.jenkins.plugins.iacjobs;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.auth.GenesysRegion;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.core.avepoint.DataCenter;
import io.jenkins.plugins.iacjobs.core.avepoint.IdentityService;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeConnection;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named target for {@code iacJob} and {@code iacBackupReport}: which system, where it lives, which credentials
 * to use by default, and how patiently to poll it. Holds no secret itself, only a credentials id. The fields a
 * system does not use are ignored (and not exported by Configuration-as-Code while empty).
 */
public final class Connection implements Describable<Connection> {

    public static final String SYSTEM_GENESYS = "genesys";
    public static final String SYSTEM_TERRAKUBE = "terrakube";
    public static final String SYSTEM_AVEPOINT = "avepoint";

    static final int DEFAULT_MIN_POLL_SECONDS = 1;
    static final int DEFAULT_MAX_POLL_SECONDS = 5; // see docs/performance.md: one listing call serves a connection
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
    // Terrakube
    private String organization;
    private String planOnlyTemplate;
    private String uiUrl;
    // Terrakube (detect, current, older) and AvePoint (current, legacy)
    private String apiGeneration;
    // AvePoint
    private String identityService;
    private String identityUrl;
    private String dataCentre;
    private String clientId;

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

    /** Terrakube: the organization's name or id. */
    public @CheckForNull String getOrganization() {
        return organization;
    }

    @DataBoundSetter
    public void setOrganization(@CheckForNull String organization) {
        this.organization = Util.fixEmptyAndTrim(organization);
    }

    /** Terrakube: the template {@code planOnly} runs when a step names none. */
    public @CheckForNull String getPlanOnlyTemplate() {
        return planOnlyTemplate;
    }

    @DataBoundSetter
    public void setPlanOnlyTemplate(@CheckForNull String planOnlyTemplate) {
        this.planOnlyTemplate = Util.fixEmptyAndTrim(planOnlyTemplate);
    }

    /** Terrakube: the UI, so that run links open there rather than in the API. */
    public @CheckForNull String getUiUrl() {
        return uiUrl;
    }

    @DataBoundSetter
    public void setUiUrl(@CheckForNull String uiUrl) {
        String u = Util.fixEmptyAndTrim(uiUrl);
        this.uiUrl = u == null ? null : u.replaceAll("/+$", "");
    }

    /** Terrakube: {@code detect} (default), {@code current} or {@code older}; AvePoint: {@code current} (default) or {@code legacy}. */
    public @CheckForNull String getApiGeneration() {
        return apiGeneration;
    }

    @DataBoundSetter
    public void setApiGeneration(@CheckForNull String apiGeneration) {
        String a = Util.fixEmptyAndTrim(apiGeneration);
        this.apiGeneration = a == null ? null : a.toLowerCase(Locale.ROOT);
    }

    /** AvePoint: an identity service name ({@code commercial}, {@code us-gov}, …); empty is commercial. */
    public @CheckForNull String getIdentityService() {
        return identityService;
    }

    @DataBoundSetter
    public void setIdentityService(@CheckForNull String identityService) {
        this.identityService = Util.fixEmptyAndTrim(identityService);
    }

    /** AvePoint: a token URL of an identity service not in the list; wins over {@link #getIdentityService()}. */
    public @CheckForNull String getIdentityUrl() {
        return identityUrl;
    }

    @DataBoundSetter
    public void setIdentityUrl(@CheckForNull String identityUrl) {
        this.identityUrl = Util.fixEmptyAndTrim(identityUrl);
    }

    /** AvePoint: the tenant's data centre code ({@code us}, {@code ne}, …); when empty the base URL is used. */
    public @CheckForNull String getDataCentre() {
        return dataCentre;
    }

    @DataBoundSetter
    public void setDataCentre(@CheckForNull String dataCentre) {
        this.dataCentre = Util.fixEmptyAndTrim(dataCentre);
    }

    /** AvePoint: the app (client) id that signs in with a certificate credential; username/password credentials carry their own. */
    public @CheckForNull String getClientId() {
        return clientId;
    }

    @DataBoundSetter
    public void setClientId(@CheckForNull String clientId) {
        this.clientId = Util.fixEmptyAndTrim(clientId);
    }

    public boolean isTerrakube() {
        return SYSTEM_TERRAKUBE.equals(getSystem());
    }

    public boolean isAvePoint() {
        return SYSTEM_AVEPOINT.equals(getSystem());
    }

    /**
     * The URL credentials domains are matched against: the API base for Genesys and Terrakube, the identity
     * service's token URL for AvePoint (that is where the secret or assertion is sent).
     * @throws IacJobsException when the configured place is unknown or not a usable URL
     */
    public @NonNull String apiBaseUrl() {
        switch (getSystem()) {
            case SYSTEM_TERRAKUBE:
                return TerrakubeAccess.connection(this).baseUrl().toString();
            case SYSTEM_AVEPOINT:
                return AvePointAccess.endpoints(this).tokenUrl().toString();
            default:
                return GenesysAccess.endpoints(this).apiBase().toString();
        }
    }

    /** A description for messages: "Terrakube connection 'tk'". */
    String describe() {
        return Messages.Connection_describe(systemDisplayName(getSystem()), name);
    }

    static String systemDisplayName(String system) {
        switch (system) {
            case SYSTEM_TERRAKUBE:
                return Messages.Connection_system_terrakube();
            case SYSTEM_AVEPOINT:
                return Messages.Connection_system_avepoint();
            default:
                return Messages.Connection_system_genesys();
        }
    }

    /** Written out rather than inherited from {@code AbstractDescribableImpl}, which core deprecates. */
    @Override
    public DescriptorImpl getDescriptor() {
        return Jenkins.get().getDescriptorByType(DescriptorImpl.class);
    }

    @Override
    public String toString() {
        return name + " (" + getSystem() + ", " + (baseUrl != null ? baseUrl : region != null ? region : dataCentre) + ")";
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
            m.add(Messages.Connection_system_terrakube(), SYSTEM_TERRAKUBE);
            m.add(Messages.Connection_system_avepoint(), SYSTEM_AVEPOINT);
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

        /** The choices depend on the system; an empty value means the system's default. */
        @POST
        public ListBoxModel doFillApiGenerationItems(@QueryParameter String system) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel m = new ListBoxModel();
            if (SYSTEM_AVEPOINT.equals(system)) {
                m.add(Messages.Connection_api_avepointCurrent(), "");
                m.add(Messages.Connection_api_avepointLegacy(), "legacy");
            } else {
                m.add(Messages.Connection_api_terrakubeDetect(), "");
                m.add(Messages.Connection_api_terrakubeCurrent(), "current");
                m.add(Messages.Connection_api_terrakubeOlder(), "older");
            }
            return m;
        }

        @POST
        public ListBoxModel doFillIdentityServiceItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel m = new ListBoxModel();
            // Empty means commercial, so that connections of other systems round-trip with no value.
            m.add(IdentityService.COMMERCIAL.displayName() + " (" + IdentityService.COMMERCIAL.tokenUrl() + ")", "");
            for (IdentityService s : IdentityService.values()) {
                if (s != IdentityService.COMMERCIAL) {
                    m.add(s.displayName() + " (" + s.tokenUrl() + ")", s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
            return m;
        }

        @POST
        public ListBoxModel doFillDataCentreItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel m = new ListBoxModel();
            m.add(Messages.Connection_dataCentre_none(), "");
            for (DataCenter dc : DataCenter.values()) {
                m.add(dc.displayName() + " (" + dc.baseUrl() + ")", dc.name().toLowerCase(Locale.ROOT));
            }
            return m;
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId,
                                                     @QueryParameter String system,
                                                     @QueryParameter String baseUrl,
                                                     @QueryParameter String region) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            String url = SYSTEM_GENESYS.equals(Util.fixEmptyAndTrim(system)) || Util.fixEmptyAndTrim(system) == null
                    ? GenesysAccess.urlForForm(region, baseUrl) : null;
            return new StandardListBoxModel()
                    .includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                            CredentialsLookup.domainRequirements(url), CredentialsLookup.matcher(system))
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
        public FormValidation doCheckBaseUrl(@QueryParameter String value, @QueryParameter String region,
                                             @QueryParameter String system, @QueryParameter String dataCentre) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            String v = Util.fixEmptyAndTrim(value);
            try {
                if (SYSTEM_TERRAKUBE.equals(system)) {
                    if (v == null) {
                        return FormValidation.error(Messages.Connection_terrakubeUrlRequired());
                    }
                    TerrakubeConnection.of(v, "check");
                } else if (SYSTEM_AVEPOINT.equals(system)) {
                    if (v == null && Util.fixEmptyAndTrim(dataCentre) == null) {
                        return FormValidation.error(Messages.Connection_dataCentreOrBaseUrl());
                    }
                    AvePointEndpoints.of((String) null, v != null ? v : dataCentre);
                } else {
                    if (v == null && Util.fixEmptyAndTrim(region) == null) {
                        return FormValidation.error(Messages.Connection_regionOrBaseUrl());
                    }
                    GenesysAccess.endpoints(Util.fixEmptyAndTrim(region), v);
                }
                return FormValidation.ok();
            } catch (IacJobsException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckOrganization(@QueryParameter String value, @QueryParameter String system) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return SYSTEM_TERRAKUBE.equals(system) && Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.Connection_organizationRequired())
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckIdentityUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            try {
                AvePointEndpoints.of(value.trim(), DataCenter.US.baseUrl());
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

        /**
         * Signs in and makes one cheap read with the credentials as selected in the form: Genesys lists a page of
         * accelerators, Terrakube lists the organization's workspaces, AvePoint counts the last day's jobs.
         */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name,
                                               @QueryParameter String system,
                                               @QueryParameter String region,
                                               @QueryParameter String baseUrl,
                                               @QueryParameter String credentialsId,
                                               @QueryParameter String organization,
                                               @QueryParameter String planOnlyTemplate,
                                               @QueryParameter String apiGeneration,
                                               @QueryParameter String identityService,
                                               @QueryParameter String identityUrl,
                                               @QueryParameter String dataCentre,
                                               @QueryParameter String clientId) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            Connection c;
            try {
                c = new Connection(Util.fixEmptyAndTrim(name) == null ? "test" : name);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            c.setSystem(system);
            c.setRegion(region);
            c.setBaseUrl(baseUrl);
            c.setCredentialsId(credentialsId);
            c.setOrganization(organization);
            c.setPlanOnlyTemplate(planOnlyTemplate);
            c.setApiGeneration(apiGeneration);
            c.setIdentityService(identityService);
            c.setIdentityUrl(identityUrl);
            c.setDataCentre(dataCentre);
            c.setClientId(clientId);
            try {
                ResolvedCredentials creds = CredentialsLookup.forSystem(c.getCredentialsId(), c.apiBaseUrl());
                switch (c.getSystem()) {
                    case SYSTEM_TERRAKUBE:
                        return FormValidation.ok(Messages.Connection_testOkTerrakube(c.apiBaseUrl(),
                                TerrakubeAccess.testConnection(c, creds)));
                    case SYSTEM_AVEPOINT:
                        long n = AvePointAccess.testConnection(c, creds);
                        return FormValidation.ok(Messages.Connection_testOkAvePoint(
                                AvePointAccess.endpoints(c).apiBase().toString(), n < 0 ? "?" : String.valueOf(n)));
                    default:
                        int count = GenesysAccess.testConnection(c, creds);
                        return FormValidation.ok(Messages.Connection_testOk(c.apiBaseUrl(), count));
                }
            } catch (IacJobsException | AbortException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
