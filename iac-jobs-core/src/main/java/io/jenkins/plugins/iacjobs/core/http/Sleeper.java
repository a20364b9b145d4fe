package io.jenkins.plugins.iacjobs.core.http;

import io.jenkins.plugins.iacjobs.core.WaitAbortedException;
import java.time.Duration;

/** Waits between retries of one call. Interruption ends the wait as an abort. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    static void sleepOrAbort(Sleeper sleeper, Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitAbortedException("Interrupted while waiting to retry a remote call");
        }
    }
}
