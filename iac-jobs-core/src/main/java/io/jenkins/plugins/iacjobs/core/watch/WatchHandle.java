package io.jenkins.plugins.iacjobs.core.watch;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything needed to resume watching after a restart. Small, serialisable, and free of secrets: credentials
 * are looked up again from the connection name.
 *
 * <p>A plain immutable class rather than a record: Jenkins saves it with the running Pipeline through JBoss
 * Marshalling, which restores fields reflectively, and a record's fields cannot be set that way.
 */
public final class WatchHandle implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String system;
    private final String connection;
    private final String jobId;
    @CheckForNull
    private final String lastStatus;
    @CheckForNull
    private final String logCursor;
    private final Instant startedAt;

    /**
     * @param system     which remote system ("genesys", "terrakube")
     * @param connection the connection name the job was submitted through
     * @param lastStatus the last status reported, so a resumed watch does not report it again
     * @param logCursor  where log streaming had got to, so no byte is written twice
     * @param startedAt  when waiting began, so an overall timeout survives a restart
     */
    public WatchHandle(String system, String connection, String jobId, @CheckForNull String lastStatus,
                       @CheckForNull String logCursor, Instant startedAt) {
        this.system = system;
        this.connection = connection;
        this.jobId = jobId;
        this.lastStatus = lastStatus;
        this.logCursor = logCursor;
        this.startedAt = startedAt;
    }

    public static WatchHandle start(String system, String connection, String jobId, Instant now) {
        return new WatchHandle(system, connection, jobId, null, null, now);
    }

    public WatchHandle withProgress(@CheckForNull String status, @CheckForNull String cursor) {
        return new WatchHandle(system, connection, jobId, status, cursor, startedAt);
    }

    public String system() {
        return system;
    }

    public String connection() {
        return connection;
    }

    public String jobId() {
        return jobId;
    }

    @CheckForNull
    public String lastStatus() {
        return lastStatus;
    }

    @CheckForNull
    public String logCursor() {
        return logCursor;
    }

    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchHandle h && Objects.equals(system, h.system) && Objects.equals(connection, h.connection)
                && Objects.equals(jobId, h.jobId) && Objects.equals(lastStatus, h.lastStatus)
                && Objects.equals(logCursor, h.logCursor) && Objects.equals(startedAt, h.startedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(system, connection, jobId, lastStatus, logCursor, startedAt);
    }

    @Override
    public String toString() {
        return "WatchHandle[" + system + "/" + connection + " job " + jobId + ", last status " + lastStatus + "]";
    }
}
