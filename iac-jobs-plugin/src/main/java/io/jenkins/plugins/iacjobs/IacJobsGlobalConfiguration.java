package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.AbortException;
import hudson.Util;
import io.jenkins.plugins.iacjobs.forms.ConnectionSource;
import io.jenkins.plugins.iacjobs.remote.ConnectionSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "IaC Jobs" on the system configuration page: the named connections that steps and builders refer to.
 * Configuration-as-Code: {@code unclassified: iacJobs: connections: [...]}.
 */
@Extension
@Symbol("iacJobs")
public class IacJobsGlobalConfiguration extends GlobalConfiguration implements ConnectionSource {

    private List<Connection> connections = new ArrayList<>();

    public IacJobsGlobalConfiguration() {
        load();
    }

    public static @NonNull IacJobsGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(IacJobsGlobalConfiguration.class);
    }

    public @NonNull List<Connection> getConnections() {
        return connections == null ? List.of() : List.copyOf(connections);
    }

    /** Rejects duplicate names and more than one default, so a step never has to guess. */
    @DataBoundSetter
    public void setConnections(@CheckForNull List<Connection> connections) {
        List<Connection> list = connections == null ? List.of() : List.copyOf(connections);
        Set<String> names = new HashSet<>();
        String firstDefault = null;
        for (Connection c : list) {
            if (!names.add(c.getName())) {
                throw new IllegalArgumentException(Messages.IacJobsGlobalConfiguration_duplicateName(c.getName()));
            }
            if (c.isDefaultConnection()) {
                if (firstDefault != null) {
                    throw new IllegalArgumentException(
                            Messages.IacJobsGlobalConfiguration_twoDefaults(firstDefault, c.getName()));
                }
                firstDefault = c.getName();
            }
        }
        this.connections = new ArrayList<>(list);
        save();
    }

    /**
     * The connection a step asked for, or the default one when it named none.
     * The default is the one marked as such, or the only connection when there is exactly one.
     */
    @Override
    public @CheckForNull Connection lookup(@CheckForNull String name) {
        List<Connection> list = getConnections();
        String wanted = Util.fixEmptyAndTrim(name);
        if (wanted != null) {
            return list.stream().filter(c -> c.getName().equals(wanted)).findFirst().orElse(null);
        }
        return list.stream()
                .filter(Connection::isDefaultConnection)
                .findFirst()
                .orElse(list.size() == 1 ? list.get(0) : null);
    }

    /** The connection a step asked for, or the default one; an error that says what to configure otherwise. */
    @Override
    public @NonNull Connection require(@CheckForNull String name) throws AbortException {
        Connection c = lookup(name);
        if (c == null) {
            throw new AbortException(Util.fixEmptyAndTrim(name) == null
                    ? Messages.IacJobRun_noDefaultConnection()
                    : Messages.IacJobRun_noSuchConnection(name));
        }
        return c;
    }

    @Override
    public @NonNull List<Connection> connections() {
        return getConnections();
    }

    @Override
    public boolean isDefault(@NonNull ConnectionSettings c) {
        return c instanceof Connection connection && connection.isDefaultConnection();
    }

    /**
     * For steps that only one system serves ({@code iacBackupReport}): the named connection, or else the default
     * connection when it is of that system, or else the only connection of that system.
     */
    public @CheckForNull Connection findForSystem(@CheckForNull String name, @NonNull String system) {
        String wanted = Util.fixEmptyAndTrim(name);
        if (wanted != null) {
            return lookup(wanted);
        }
        Connection d = lookup(null);
        if (d != null && system.equals(d.getSystem())) {
            return d;
        }
        List<Connection> ofSystem = getConnections().stream().filter(c -> system.equals(c.getSystem())).toList();
        return ofSystem.size() == 1 ? ofSystem.get(0) : null;
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // An emptied list is absent from the submitted JSON; clear first so deleting the last connection sticks.
        connections = new ArrayList<>();
        try {
            req.bindJSON(this, json);
        } catch (RuntimeException e) {
            // Stapler may wrap what the setter threw; show the setter's own words.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new FormException(root.getMessage(), e, "connections");
        }
        save();
        return true;
    }
}
