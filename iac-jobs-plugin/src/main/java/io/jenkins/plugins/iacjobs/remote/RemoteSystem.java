package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What every remote system has, whatever else it does: where its credentials go, which kinds it takes, and a probe
 * that signs in. Running jobs ({@link JobSystem}), listing workspaces ({@link Workspaces}), deciding approvals
 * ({@link ApprovalDecisions}) and reading reports ({@link ReportSystem}) are types of their own, implemented only
 * by the systems that have them.
 */
@Restricted(NoExternalUse.class)
public interface RemoteSystem {

    /** The connection's name, for messages and for keying what its clients share. */
    @NonNull String connection();

    /** For people: "Genesys Cloud". */
    @NonNull String displayName();

    /** Where the secret goes, for credentials domain matching: the API base, or AvePoint's token URL. */
    @NonNull String credentialsUrl();

    /** Which credential types this system signs in with, for the drop-downs. */
    @NonNull CredentialsMatcher credentialsMatcher();

    /** Signs in and makes one cheap read; what a person reads under "Test connection". */
    @NonNull String test(@NonNull ResolvedCredentials credentials);
}
