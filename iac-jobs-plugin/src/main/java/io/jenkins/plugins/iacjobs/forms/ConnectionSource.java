package io.jenkins.plugins.iacjobs.forms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import io.jenkins.plugins.iacjobs.remote.ConnectionSettings;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Where forms find the configured connections: the global configuration implements it. */
@Restricted(NoExternalUse.class)
public interface ConnectionSource {
    @NonNull List<? extends ConnectionSettings> connections();

    /** The named connection, or the default one when {@code name} is empty; an error a person can act on otherwise. */
    @NonNull ConnectionSettings require(@CheckForNull String name) throws AbortException;

    /** Like {@link #require} but null when there is none. */
    @CheckForNull ConnectionSettings lookup(@CheckForNull String name);

    /** Whether {@code c} is the one used when a step names none. */
    boolean isDefault(@NonNull ConnectionSettings c);
}
