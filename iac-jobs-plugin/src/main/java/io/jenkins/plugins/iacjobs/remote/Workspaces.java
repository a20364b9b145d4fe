package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A system whose jobs run in workspaces (Terrakube): their names, for the drop-downs. */
@Restricted(NoExternalUse.class)
public interface Workspaces {
    @NonNull List<String> workspaces(@NonNull ResolvedCredentials credentials);
}
