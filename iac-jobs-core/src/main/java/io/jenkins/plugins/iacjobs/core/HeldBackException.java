package io.jenkins.plugins.iacjobs.core;

/**
 * Nothing was applied, on purpose: a check the user asked for found the remote not as expected ({@code expectPlan}: the
 * plan changed since it was reviewed; {@code queue: fail}: the workspace runs a job). Names the option and the way on.
 */
public final class HeldBackException extends IacJobsException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /** @param field the option that asked for the check, as the user gave it */
    public HeldBackException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Kind kind() {
        return Kind.HELD_BACK;
    }
}
