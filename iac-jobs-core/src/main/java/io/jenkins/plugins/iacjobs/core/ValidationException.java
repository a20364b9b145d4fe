package io.jenkins.plugins.iacjobs.core;

/** Bad input, found before anything was sent: names the field, the value and the fix. */
public final class ValidationException extends IacJobsException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The option or parameter that is wrong, as the user typed it. */
    public String field() {
        return field;
    }

    @Override
    public Kind kind() {
        return Kind.VALIDATION;
    }
}
