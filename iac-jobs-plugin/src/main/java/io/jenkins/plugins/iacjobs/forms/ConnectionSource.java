package io.jenkins.plugins.iacjobs.forms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import io.jenkins.plugins.iacjobs.remote.RemoteConnection;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Where forms find the configured connections: the global configuration implements it. */
@Restricted(NoExternalUse.class)
public interface ConnectionSource {
    @NonNull List<? extends RemoteConnection> connections();

    /** The named connection, or the default one when {@code name} is empty; an error a person can act on otherwise. */
    @NonNull RemoteConnection require(@CheckForNull String name) throws AbortException;

    /** Like {@link #require} but null when there is none. */
    @CheckForNull RemoteConnection lookup(@CheckForNull String name);
}
