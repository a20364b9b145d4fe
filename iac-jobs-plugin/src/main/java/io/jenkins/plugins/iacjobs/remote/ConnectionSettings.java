package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A connection's settings as the remote systems read them; {@code Connection} implements it. Which fields apply
 * depends on the system: each {@link RemoteSystem} reads its own and ignores the rest.
 */
@Restricted(NoExternalUse.class)
public interface ConnectionSettings {
    @NonNull String getName();

    /** {@code genesys}, {@code terrakube} or {@code avepoint}. */
    @NonNull String getSystem();

    @CheckForNull String getRegion();

    @CheckForNull String getBaseUrl();

    @CheckForNull String getCredentialsId();

    @CheckForNull String getOrganization();

    @CheckForNull String getPlanOnlyTemplate();

    @CheckForNull String getUiUrl();

    @CheckForNull String getApiGeneration();

    @CheckForNull String getIdentityService();

    @CheckForNull String getIdentityUrl();

    @CheckForNull String getDataCentre();

    @CheckForNull String getClientId();

    int getMinPollSeconds();

    int getMaxPollSeconds();

    /** 0 waits without limit. */
    int getTimeoutMinutes();
}
