package io.jenkins.plugins.iacjobs.core.watch;

import java.io.Serializable;
import java.time.Instant;

/**
 * Everything needed to resume watching after a restart. Small, serialisable, and free of secrets: credentials
 * are looked up again from the connection name.
 *
 * @param system     which remote system ("genesys", "terrakube")
 * @param connection the connection name the job was submitted through
 * @param lastStatus the last status reported, so a resumed watch does not report it again
 * @param logCursor  where log streaming had got to, so no byte is written twice
 * @param startedAt  when waiting began, so an overall timeout survives a restart
 */
public record WatchHandle(String system, String connection, String jobId, String lastStatus, String logCursor,
                          Instant startedAt) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static WatchHandle start(String system, String connection, String jobId, Instant now) {
        return new WatchHandle(system, connection, jobId, null, null, now);
    }

    public WatchHandle withProgress(String status, String cursor) {
        return new WatchHandle(system, connection, jobId, status, cursor, startedAt);
    }
}
