package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A run's options, read once by its system ({@link JobSystem#prepare}): the job client to watch with; the core
 * submission (system and typed request together), or null when the run waits for a job given by id; and, where a
 * person decides the job's approval on the build page ({@code approve: 'input'}), the way to send that decision.
 */
@Restricted(NoExternalUse.class)
public record PreparedJob(@NonNull RemoteJobSystem<?> jobs, @CheckForNull Submission<?> submission,
                          @CheckForNull ApprovalDecisions decisions) {
}
