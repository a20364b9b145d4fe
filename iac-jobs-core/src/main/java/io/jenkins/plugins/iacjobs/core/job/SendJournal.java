package io.jenkins.plugins.iacjobs.core.job;

/**
 * Where a front end keeps a submission's progress so that a process killed at any moment neither loses the job nor
 * sends it twice. Both calls are made while the submission holds its connection's turn, so they must be durable when
 * they return: the next submission of the same kind is sent only after {@link #accepted} was saved, and then at most
 * one submission per turn is ever in flight and unsaved.
 */
public interface SendJournal {
    /** Nothing kept: the CLI's own ledger, tests. */
    SendJournal NONE = new SendJournal() {
        @Override
        public void sending(SendRecord record) {
        }

        @Override
        public void accepted(SubmittedJob job) {
        }
    };

    /** Just before the first send: what the lookup after a crash needs. */
    void sending(SendRecord record);

    /** The remote accepted the job, or the lookup after a lost answer found it. */
    void accepted(SubmittedJob job);
}
