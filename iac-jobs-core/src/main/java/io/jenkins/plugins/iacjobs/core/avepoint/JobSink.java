package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Receives jobs one at a time as pages arrive, so no caller needs every job in memory. */
@FunctionalInterface
public interface JobSink {
    /**
     * @param job the job, read
     * @param raw the job exactly as the server sent it, for evidence files
     */
    void accept(BackupJob job, JsonNode raw) throws IOException;
}
