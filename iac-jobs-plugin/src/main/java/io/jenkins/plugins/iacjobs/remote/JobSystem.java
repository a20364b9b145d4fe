package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A system that runs jobs: Genesys Cloud accelerators and Terrakube workspaces. */
@Restricted(NoExternalUse.class)
public interface JobSystem extends RemoteSystem {

    /** The shared job client of this connection and credential: what a resumed or attached run watches. */
    @NonNull RemoteJobSystem<?> jobs(@NonNull ResolvedCredentials credentials);

    /**
     * Turns the options into this system's own core request, once: the one place they are read. Options this system
     * does not take are refused by name, before anything is sent.
     *
     * @throws io.jenkins.plugins.iacjobs.core.ValidationException naming the option
     */
    @NonNull PreparedJob prepare(@NonNull JobSpec spec, @NonNull ResolvedCredentials credentials);

    /** Names for the accelerator (or template) drop-down, as value and label pairs. */
    @NonNull List<String[]> targets(@NonNull ResolvedCredentials credentials);

    /** Checks parameters against what {@code target} takes, before anything is submitted. */
    void checkParameters(@NonNull ResolvedCredentials credentials, @NonNull String target, @NonNull Map<String, String> params);

    /** How often the watcher polls this connection's jobs. */
    @NonNull PollSettings poll();

    /** How long a run waits when it gives no {@code timeout} itself; null waits without limit. */
    @CheckForNull Duration timeout();
}
