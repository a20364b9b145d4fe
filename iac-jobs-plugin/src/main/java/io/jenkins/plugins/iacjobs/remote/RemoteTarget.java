package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One connection's place, resolved once (endpoints, URL checks): what a run, a form or a test call needs of it.
 * Every failure is an {@link io.jenkins.plugins.iacjobs.core.IacJobsException} whose message names the field.
 */
@Restricted(NoExternalUse.class)
public interface RemoteTarget {
    @NonNull RemoteSystem system();

    /** The connection's name, for messages. */
    @NonNull String connection();

    /** Where the secret goes, for credentials domain matching: the API base, or AvePoint's token URL. */
    @NonNull String credentialsUrl();

    /** The shared job client for this connection and credential; {@code policy} applies to Terrakube approvals. */
    @NonNull RemoteJobSystem jobs(@NonNull ResolvedCredentials credentials, @NonNull ApprovePolicy policy);

    /** Signs in and makes one cheap read; returns what a person reads under "Test connection". */
    @NonNull String test(@NonNull ResolvedCredentials credentials);

    /** Names for the accelerator (or template) drop-down, as value and label pairs. */
    @NonNull List<String[]> targets(@NonNull ResolvedCredentials credentials);

    /** Workspace names where the system has workspaces; empty elsewhere. */
    default @NonNull List<String> workspaces(@NonNull ResolvedCredentials credentials) {
        return List.of();
    }

    /** Checks parameters against what {@code target} takes, before anything is submitted. */
    void checkParameters(@NonNull ResolvedCredentials credentials, @NonNull String target, @NonNull Map<String, String> params);

    /** Approves or rejects a job waiting for approval; only Terrakube has such a wait. */
    default void decide(@NonNull ResolvedCredentials credentials, @NonNull String jobId, boolean approve) {
        throw new ValidationException("connection", Messages.Terrakube_notApproval(connection()));
    }
}
