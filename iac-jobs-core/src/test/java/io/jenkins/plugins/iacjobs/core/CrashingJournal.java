package io.jenkins.plugins.iacjobs.core;

import io.jenkins.plugins.iacjobs.core.job.SendJournal;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import java.util.ArrayList;
import java.util.List;

/**
 * A front end whose process dies after the remote made the job and before its answer was kept (a controller's
 * SIGKILL): it keeps the record it is given before the send, then throws {@link Crash} when told the job.
 */
public final class CrashingJournal implements SendJournal {
    /** Stands for the process's death. */
    public static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("the process died before the answer was kept");
        }
    }

    private final List<SendRecord> kept = new ArrayList<>();

    @Override
    public void sending(SendRecord record) {
        kept.add(record);
    }

    @Override
    public void accepted(SubmittedJob job) {
        throw new Crash();
    }

    /** What was kept before the one send: all the next process has. */
    public SendRecord record() {
        if (kept.size() != 1) {
            throw new IllegalStateException("expected one send record, got " + kept);
        }
        return kept.get(0);
    }
}
