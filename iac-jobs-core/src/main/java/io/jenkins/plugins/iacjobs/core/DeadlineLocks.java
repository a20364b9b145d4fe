package io.jenkins.plugins.iacjobs.core;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Taking a lock that another call holds, within the caller's deadline: the one way a waiting call gives up in time. */
public final class DeadlineLocks {
    private DeadlineLocks() {
    }

    /**
     * Locks {@code lock}, waiting at most until {@code deadline} (null: as long as it takes, interruptibly).
     *
     * @param waitingFor what the lock guards, for the messages ("a token that another call was getting")
     * @param outcome    what the caller has not done, for the messages ("nothing was sent")
     * @throws WaitTimeoutException the deadline passed first
     * @throws WaitAbortedException the thread was interrupted
     */
    public static void lock(ReentrantLock lock, @CheckForNull Instant deadline, Clock clock, String waitingFor, String outcome) {
        try {
            if (deadline == null) {
                lock.lockInterruptibly();
                return;
            }
            long left = Duration.between(clock.instant(), deadline).toNanos();
            if (left <= 0 || !lock.tryLock(left, TimeUnit.NANOSECONDS)) {
                throw new WaitTimeoutException("The timeout passed while waiting for " + waitingFor + "; " + outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitAbortedException("Interrupted while waiting for " + waitingFor + "; " + outcome);
        }
    }
}
