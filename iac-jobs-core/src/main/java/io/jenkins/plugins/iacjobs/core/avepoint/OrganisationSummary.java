package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.time.Instant;

/**
 * One organisation's jobs in the window.
 *
 * @param newestSuccessfulBackup when its newest backup job with status Finished finished, or null if none did
 */
public record OrganisationSummary(@CheckForNull String id, @CheckForNull String name, long jobs, long finished, long failed,
                                  long finishedWithException,
                                  long inProgress, @CheckForNull Instant newestSuccessfulBackup) implements Serializable {
    private static final long serialVersionUID = 1L;

    public String label() {
        return name != null && !name.isBlank() ? name : id == null ? "unknown" : id;
    }
}
