package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A system whose jobs can wait for a person's approval (Terrakube): sends the decision, once. */
@Restricted(NoExternalUse.class)
public interface ApprovalDecisions {
    void decide(@NonNull ResolvedCredentials credentials, @NonNull String jobId, boolean approve);
}
