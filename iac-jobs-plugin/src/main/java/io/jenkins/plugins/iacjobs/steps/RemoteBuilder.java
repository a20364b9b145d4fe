package io.jenkins.plugins.iacjobs.steps;

import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A freestyle build step whose work happens on a remote system, called from the controller: it needs no workspace
 * and no agent, and waits for no earlier build.
 */
@Restricted(NoExternalUse.class)
public abstract class RemoteBuilder extends Builder implements SimpleBuildStep {

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }
}
