package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A configured connection as runs and forms see it: its name, its default credentials, and its system, resolved
 * and checked. What else the system does is found by type: each accessor is empty unless the connection's system
 * has that part, as checks-api answers with a null object where there is no publisher. Nothing here throws for a
 * part a system lacks.
 */
@Restricted(NoExternalUse.class)
public interface RemoteConnection {

    @NonNull String getName();

    @CheckForNull String getCredentialsId();

    boolean isDefaultConnection();

    /** The system this connection points at, read from its fields once per call. */
    @NonNull RemoteSystem system();

    default @NonNull Optional<JobSystem> jobs() {
        return Optional.empty();
    }

    default @NonNull Optional<Workspaces> workspaces() {
        return Optional.empty();
    }

    default @NonNull Optional<ApprovalDecisions> approvals() {
        return Optional.empty();
    }

    default @NonNull Optional<ReportSystem> reports() {
        return Optional.empty();
    }
}
