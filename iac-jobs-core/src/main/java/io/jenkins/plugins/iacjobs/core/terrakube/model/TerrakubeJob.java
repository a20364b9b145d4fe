package io.jenkins.plugins.iacjobs.core.terrakube.model;

import java.time.Instant;
import java.util.List;

/**
 * A Terrakube job ({@code type "job"}; the id is an integer sent as a string), with its steps when fetched with
 * {@code include=step}, ordered by step number.
 *
 * @param command     the older API's {@code plan|apply|destroy}; null on current servers
 * @param planChanges false after a plan that found nothing to change; null when not sent
 * @param comments    free text; IaC Jobs writes its request id here to find a job whose create answer was lost
 */
public record TerrakubeJob(String id, String status, String templateReference, String command, String overrideBranch,
                           String via, String comments, String approvalTeam, Boolean planChanges, Instant createdDate,
                           Instant updatedDate, String workspaceId, List<Step> steps) {

    public TerrakubeJob {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
