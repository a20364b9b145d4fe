package io.jenkins.plugins.iacjobs.remote;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.ListBoxModel;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** One kind of remote system: what a connection of it needs, and how to reach it. {@link Systems} lists them. */
@Restricted(NoExternalUse.class)
public abstract class RemoteSystem {
    private final String id;
    private final boolean runsJobs;
    private final boolean takesWorkspaceOptions;

    /**
     * @param id the stable id saved in connections and watch handles
     * @param runsJobs whether {@code iacJob} can run jobs here (AvePoint has backup reports instead)
     * @param takesWorkspaceOptions whether the Terrakube-only step options (workspace, branch, approve, approvers) apply
     */
    RemoteSystem(String id, boolean runsJobs, boolean takesWorkspaceOptions) {
        this.id = id;
        this.runsJobs = runsJobs;
        this.takesWorkspaceOptions = takesWorkspaceOptions;
    }

    public final @NonNull String id() {
        return id;
    }

    public final boolean runsJobs() {
        return runsJobs;
    }

    public final boolean takesWorkspaceOptions() {
        return takesWorkspaceOptions;
    }

    /** For the system drop-down and messages. */
    public abstract @NonNull String displayName();

    /** Which credential types this system can sign in with, for the drop-downs. */
    public abstract @NonNull CredentialsMatcher credentialsMatcher();

    /** The API generations a connection may choose, the default first with an empty value. */
    public abstract void addApiGenerations(@NonNull ListBoxModel items);

    /**
     * Reads and checks the connection's location fields once.
     * @throws io.jenkins.plugins.iacjobs.core.IacJobsException naming the field when they are missing or unusable
     */
    public abstract @NonNull RemoteTarget target(@NonNull ConnectionSettings connection);
}
