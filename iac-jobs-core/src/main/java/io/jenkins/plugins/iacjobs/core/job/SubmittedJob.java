package io.jenkins.plugins.iacjobs.core.job;

import java.util.Map;

/**
 * A job the remote accepted.
 *
 * @param targetId     the accelerator or template id that was run
 * @param targetName   its name, for people
 * @param shownParams  the parameters as they may be shown: sensitive values already masked
 */
public record SubmittedJob(String jobId, String status, String targetId, String targetName, boolean planOnly,
                           Map<String, String> shownParams) {
}
