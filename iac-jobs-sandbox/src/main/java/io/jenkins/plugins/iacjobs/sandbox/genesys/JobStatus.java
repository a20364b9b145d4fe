package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.util.Optional;

/** {@code InfrastructureascodeJob.status}, with its wire spelling. */
public enum JobStatus {
    CREATED("Created"), QUEUED("Queued"), RUNNING("Running"),
    COMPLETE("Complete"), FAILED("Failed"), INCOMPLETE("Incomplete");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isTerminal() {
        return this == COMPLETE || this == FAILED || this == INCOMPLETE;
    }

    /** Matches a wire value case-insensitively. */
    public static Optional<JobStatus> fromWire(String value) {
        for (JobStatus status : values()) {
            if (status.wire.equalsIgnoreCase(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
