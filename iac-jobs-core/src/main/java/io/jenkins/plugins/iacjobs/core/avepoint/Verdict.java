package io.jenkins.plugins.iacjobs.core.avepoint;

import java.io.Serializable;
import java.util.List;

/**
 * The gate's decision.
 *
 * @param failOn  the gate applied
 * @param passed  whether the build should go on
 * @param reason  one line: why it passed or failed
 * @param details the offending organisations or jobs, at most {@link #MAX_DETAILS}
 */
public record Verdict(FailOn failOn, boolean passed, String reason, List<String> details) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_DETAILS = 20;

    public Verdict {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public String label() {
        return passed ? "PASSED" : "FAILED";
    }
}
