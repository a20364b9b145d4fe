package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The user id Genesys records as submitter for this connection's client, learnt from the first job we see.
 * Client-credentials tokens have no "me" to ask, so this is how history lookups are narrowed to our jobs.
 */
final class SubmitterMemory {
    private final AtomicReference<String> userId = new AtomicReference<>();

    void learn(InfrastructureascodeJob job) {
        if (job != null && job.submittedBy() != null && job.submittedBy().id() != null) {
            userId.compareAndSet(null, job.submittedBy().id());
        }
    }

    String userId() {
        return userId.get();
    }
}
