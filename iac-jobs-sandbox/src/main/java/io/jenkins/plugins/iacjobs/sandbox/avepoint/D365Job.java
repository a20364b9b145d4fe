package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import java.time.Instant;

/** One generated Cloud Backup for Dynamics 365 job, rendered in the documented field order (API-DIGEST §3.2). */
public record D365Job(String module, int type, String jobId, Instant startTime, Instant finishTime, int status,
                      long successfulEntity, long failedEntity, long skippedEntity, long warningEntity, long totalEntity,
                      long successfulRecord, long failedRecord, long skippedRecord, long warningRecord, long totalRecord,
                      long backupSize, String organizationId, String organizationName) {

    ObjectNode toJson(Instant now) {
        ObjectNode n = Json.object();
        n.put("module", module);
        n.put("type", type);
        n.put("jobId", jobId);
        n.put("startTime", startTime.toString());
        if (finishTime != null) {
            n.put("finishTime", finishTime.toString());
        } else {
            n.putNull("finishTime");
        }
        Instant end = finishTime != null ? finishTime : now;
        n.put("durationHours", Math.max(0, end.toEpochMilli() - startTime.toEpochMilli()) / 3_600_000.0);
        n.put("status", status);
        n.put("successfulEntity", successfulEntity);
        n.put("failedEntity", failedEntity);
        n.put("skippedEntity", skippedEntity);
        n.put("warningEntity", warningEntity);
        n.put("totalEntity", totalEntity);
        n.put("successfulRecord", successfulRecord);
        n.put("failedRecord", failedRecord);
        n.put("skippedRecord", skippedRecord);
        n.put("warningRecord", warningRecord);
        n.put("totalRecord", totalRecord);
        n.put("backupSize", backupSize);
        n.put("organizationId", organizationId);
        n.put("organizationName", organizationName);
        return n;
    }
}
