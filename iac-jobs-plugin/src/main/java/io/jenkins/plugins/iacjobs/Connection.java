package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Describable;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.remote.ConnectionSettings;
import io.jenkins.plugins.iacjobs.remote.Systems;
import java.time.Duration;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A named target for {@code iacJob} and {@code iacBackupReport}: which system, where it lives, which credentials
 * to use by default, and how patiently to poll it. Holds no secret itself, only a credentials id. The fields a
 * system does not use are ignored (and not exported by Configuration-as-Code while empty).
 */
public final class Connection implements Describable<Connection>, ConnectionSettings {

    public static final String SYSTEM_GENESYS = Systems.GENESYS;
    public static final String SYSTEM_TERRAKUBE = Systems.TERRAKUBE;
    public static final String SYSTEM_AVEPOINT = Systems.AVEPOINT;

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

    /** How often the watcher polls this connection's jobs; the backoff and heartbeat are core's defaults. */
    PollSettings pollSettings() {
        return PollSettings.defaults().withIntervals(Duration.ofSeconds(getMinPollSeconds()), Duration.ofSeconds(getMaxPollSeconds()));
    }

    public boolean isTerrakube() {
        return SYSTEM_TERRAKUBE.equals(getSystem());
    }

    public boolean isAvePoint() {
        return SYSTEM_AVEPOINT.equals(getSystem());
    }

    /** A description for messages: "Terrakube connection 'tk'". */
    String describe() {
        return Systems.describe(this);
    }

    /** Written out rather than inherited from {@code AbstractDescribableImpl}, which core deprecates. */
    @Override
    public ConnectionDescriptor getDescriptor() {
        return Jenkins.get().getDescriptorByType(ConnectionDescriptor.class);
    }

    @Override
    public String toString() {
        return name + " (" + getSystem() + ", " + (baseUrl != null ? baseUrl : region != null ? region : dataCentre) + ")";
    }
}
