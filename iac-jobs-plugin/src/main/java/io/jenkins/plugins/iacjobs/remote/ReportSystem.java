package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A system that has backup reports rather than jobs (AvePoint Cloud Backup): the client that reads them. */
@Restricted(NoExternalUse.class)
public interface ReportSystem extends RemoteSystem {
    @NonNull AvePointClient client(@NonNull ResolvedCredentials credentials);
}
