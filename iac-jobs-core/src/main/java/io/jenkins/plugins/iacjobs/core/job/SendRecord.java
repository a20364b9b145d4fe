package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.List;

/**
 * What a front end keeps of a submission while it is in flight, so that a process that dies before the answer
 * arrives can still tell its job apart afterwards, without keeping any input value: when it was sent, the window the
 * job must lie in and the jobs of ours already in that window, or the request marker the remote stores with the job.
 *
 * @param sentAt   when the (first) send left, by our clock
 * @param since    the earliest remote time the job can show, margin included; null: the system works it out then
 * @param excluded jobs this connection made or adopted in that window before this send: never this submission's
 * @param marker   the request id sent with the job (Terrakube's comments), or null where the remote keeps none
 */
public record SendRecord(Instant sentAt, @CheckForNull Instant since, List<String> excluded, @CheckForNull String marker) {
    public SendRecord {
        excluded = List.copyOf(excluded);
    }

    /** A send known only by its time (a record from before this was kept, or a front end that keeps no more). */
    public static SendRecord at(Instant sentAt) {
        return new SendRecord(sentAt, null, List.of(), null);
    }
}
