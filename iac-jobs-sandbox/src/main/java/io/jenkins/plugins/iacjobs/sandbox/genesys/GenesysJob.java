package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.time.Instant;
import java.util.Map;

/**
 * A point-in-time view of one sandbox job, for tests and benchmarks.
 *
 * @param parameters           as submitted with defaults filled in (sensitive values unmasked: this is test-side only)
 * @param submittedBy          the submitting user's id
 * @param status               the status at the moment of the snapshot
 * @param scheduledTerminalAt  when the job becomes (or became) terminal
 */
public record GenesysJob(String id, String acceleratorId, boolean dryRun, Map<String, String> parameters,
                         Instant dateSubmitted, String submittedBy, JobStatus status, Instant scheduledTerminalAt) {
}
