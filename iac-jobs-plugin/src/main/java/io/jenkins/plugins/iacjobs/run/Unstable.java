package io.jenkins.plugins.iacjobs.run;

import java.io.IOException;

/**
 * How a front end marks its run unstable with a reason, as the {@code unstable} step does: in Pipeline the step's
 * node gets a warning (its stage turns yellow) and the build UNSTABLE; a freestyle build turns UNSTABLE.
 */
@FunctionalInterface
public interface Unstable {
    void mark(String reason) throws IOException, InterruptedException;
}
