package io.jenkins.plugins.iacjobs.actions;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Told when a person decided an approval on the build page, so that the run waiting for it says so in its build log.
 * An event, as pipeline-build-step's listener ends a build: the action does not know who waits.
 */
@Restricted(NoExternalUse.class)
public interface DecisionListener extends ExtensionPoint {

    void decided(@NonNull Run<?, ?> build, @NonNull String jobId, @NonNull String decision);

    static void fire(Run<?, ?> build, String jobId, String decision) {
        ExtensionList.lookup(DecisionListener.class).forEach(l -> l.decided(build, jobId, decision));
    }
}
