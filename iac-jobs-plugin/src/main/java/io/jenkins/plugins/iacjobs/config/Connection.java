package io.jenkins.plugins.iacjobs.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.iacjobs.remote.RemoteConnection;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A named place that {@code iacJob} and {@code iacBackupReport} run against: one system, where it lives, which
 * credentials to use by default. Each system is its own type ({@link GenesysConnection}, {@link TerrakubeConnection},
 * {@link AvePointConnection}), added to the list as clouds are ("Add connection ▸ …"), with only its own fields.
 * Holds no secret, only a credentials id.
 */
public abstract class Connection implements Describable<Connection>, ExtensionPoint, RemoteConnection {

    private final String name;
    private String credentialsId;
    private boolean defaultConnection;

    protected Connection(String name) {
        String n = Util.fixEmptyAndTrim(name);
        if (n == null) {
            throw new IllegalArgumentException(Messages.Connection_nameRequired());
        }
        this.name = n;
    }

    @Override
    public @NonNull String getName() {
        return name;
    }

    @Override
    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** The one a step uses when it names no connection. */
    @Override
    public boolean isDefaultConnection() {
        return defaultConnection;
    }

    @DataBoundSetter
    public void setDefaultConnection(boolean defaultConnection) {
        this.defaultConnection = defaultConnection;
    }

    /** "Terrakube connection 'tk'", for messages. */
    public @NonNull String describe() {
        return Messages.Connection_describe(getDescriptor().getDisplayName(), name);
    }

    /** Written out rather than inherited from {@code AbstractDescribableImpl}, which core deprecates. */
    @Override
    @SuppressWarnings("unchecked")
    public Descriptor<Connection> getDescriptor() {
        return Jenkins.get().getDescriptorOrDie(getClass());
    }

    /** A choice such as an API generation as stored: trimmed, lower case, null when empty. */
    static @CheckForNull String choice(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    static @CheckForNull String url(@CheckForNull String value) {
        String u = Util.fixEmptyAndTrim(value);
        return u == null ? null : u.replaceAll("/+$", "");
    }
}
