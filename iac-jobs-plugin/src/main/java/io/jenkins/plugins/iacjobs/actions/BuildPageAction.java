package io.jenkins.plugins.iacjobs.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import jenkins.model.RunAction2;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the plugin's actions on a build have in common: they know their build once attached or loaded, and by
 * default show on the build's main page only ({@code summary.jelly}), with no sidebar link. The build is never
 * saved with the action.
 */
@Restricted(NoExternalUse.class)
public abstract class BuildPageAction implements RunAction2 {
    private transient Run<?, ?> run;

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    public @CheckForNull Run<?, ?> getRun() {
        return run;
    }

    @Override
    public @CheckForNull String getIconFileName() {
        return null;
    }

    @Override
    public @CheckForNull String getUrlName() {
        return null;
    }
}
