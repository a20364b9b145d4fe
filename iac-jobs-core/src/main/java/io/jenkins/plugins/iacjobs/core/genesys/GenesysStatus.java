package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.watch.JobState;
import java.util.Locale;

/** Maps Genesys IaC job statuses (matched case-insensitively, as the SDK does) to {@link JobState}. */
public final class GenesysStatus {
    private GenesysStatus() {
    }

    public static JobState state(String status) {
        if (status == null) {
            return JobState.PENDING;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "created", "queued" -> JobState.PENDING;
            case "complete" -> JobState.SUCCEEDED;
            case "failed", "incomplete" -> JobState.FAILED;
            default -> JobState.RUNNING; // Running, or a status newer than this code: keep watching
        };
    }
}
