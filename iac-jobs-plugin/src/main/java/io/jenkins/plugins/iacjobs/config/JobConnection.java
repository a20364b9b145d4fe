package io.jenkins.plugins.iacjobs.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import io.jenkins.plugins.iacjobs.remote.JobSystem;
import java.time.Duration;
import java.util.Optional;
import org.kohsuke.stapler.DataBoundSetter;

/** A connection to a system that runs jobs: how patiently to poll them, and how long to wait by default. */
public abstract class JobConnection extends Connection {

    public static final int DEFAULT_MIN_POLL_SECONDS = 1;
    /** One listing call serves all of a connection's jobs, so a short ceiling is cheap: see docs/performance.md. */
    public static final int DEFAULT_MAX_POLL_SECONDS = 5;
    public static final int DEFAULT_TIMEOUT_MINUTES = 120;

    private int minPollSeconds = DEFAULT_MIN_POLL_SECONDS;
    private int maxPollSeconds = DEFAULT_MAX_POLL_SECONDS;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;

    protected JobConnection(String name) {
        super(name);
    }

    public int getMinPollSeconds() {
        return minPollSeconds;
    }

    @DataBoundSetter
    public void setMinPollSeconds(int minPollSeconds) {
        this.minPollSeconds = Math.max(1, minPollSeconds);
    }

    public int getMaxPollSeconds() {
        return Math.max(maxPollSeconds, minPollSeconds);
    }

    @DataBoundSetter
    public void setMaxPollSeconds(int maxPollSeconds) {
        this.maxPollSeconds = Math.max(1, maxPollSeconds);
    }

    /** How long a step waits for a job when it gives no {@code timeout} itself; 0 waits without limit. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = Math.max(0, timeoutMinutes);
    }

    /** The system, with this connection's polling and timeout. */
    public abstract @NonNull JobSystem jobSystem();

    @Override
    public @NonNull JobSystem system() {
        return jobSystem();
    }

    @Override
    public @NonNull Optional<JobSystem> jobs() {
        return Optional.of(jobSystem());
    }

    /** The backoff and heartbeat are core's defaults. */
    protected @NonNull PollSettings poll() {
        return PollSettings.defaults().withIntervals(Duration.ofSeconds(getMinPollSeconds()), Duration.ofSeconds(getMaxPollSeconds()));
    }

    protected @CheckForNull Duration timeout() {
        return timeoutMinutes == 0 ? null : Duration.ofMinutes(timeoutMinutes);
    }
}
