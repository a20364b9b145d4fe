package io.jenkins.plugins.iacjobs.checks;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Sends a {@link PlanCheck} somewhere. The one implementation, {@link ChecksApiPublisher}, exists only when the Checks
 * API plugin is installed; with none, {@link PlanChecks} publishes nothing, and says nothing.
 */
public abstract class CheckPublisher implements ExtensionPoint {
    /** Publishes {@code check} for {@code run}; a publisher's own problems go to {@code listener}, never an exception. */
    public abstract void publish(Run<?, ?> run, TaskListener listener, PlanCheck check);
}
