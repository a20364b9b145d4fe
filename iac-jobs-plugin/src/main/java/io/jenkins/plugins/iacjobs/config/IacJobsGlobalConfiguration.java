package io.jenkins.plugins.iacjobs.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.forms.ConnectionSource;
import io.jenkins.plugins.iacjobs.remote.JobSystem;
import io.jenkins.plugins.iacjobs.remote.ReportSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "IaC Jobs" on the system configuration page: the named connections that steps and builders refer to, each of its
 * own system. Configuration as Code: {@code unclassified: iacJobs: connections: [- genesys: {...}, - terrakube: ...]}.
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
                    throw new IllegalArgumentException(Messages.IacJobsGlobalConfiguration_twoDefaults(firstDefault, c.getName()));
                }
                firstDefault = c.getName();
            }
        }
        this.connections = new ArrayList<>(list);
        save();
    }

    @Override
    public @NonNull List<Connection> connections() {
        return getConnections();
    }

    /**
     * The connection a step asked for, or the default one when it named none: the one marked as such, or the only
     * connection when there is exactly one.
     */
    @Override
    public @CheckForNull Connection lookup(@CheckForNull String name) {
        List<Connection> list = getConnections();
        String wanted = Util.fixEmptyAndTrim(name);
        if (wanted != null) {
            return list.stream().filter(c -> c.getName().equals(wanted)).findFirst().orElse(null);
        }
        return list.stream().filter(Connection::isDefaultConnection).findFirst().orElse(list.size() == 1 ? list.get(0) : null);
    }

    /** The connection a step asked for, or the default one; an error that says what to configure otherwise. */
    @Override
    public @NonNull Connection require(@CheckForNull String name) throws AbortException {
        Connection c = lookup(name);
        if (c == null) {
            throw new AbortException(Util.fixEmptyAndTrim(name) == null
                    ? Messages.IacJobsGlobalConfiguration_noDefaultConnection()
                    : Messages.IacJobsGlobalConfiguration_noSuchConnection(name));
        }
        return c;
    }

    /** The connection's job system; a connection whose system has no jobs is refused by name. */
    public static @NonNull JobSystem jobsOf(@NonNull Connection c) throws AbortException {
        return resolved(c, Connection::jobs).orElseThrow(() -> new AbortException(Messages.IacJobsGlobalConfiguration_noJobs(c.describe())));
    }

    /** The connection's report system; a connection whose system has no reports is refused by name. */
    public static @NonNull ReportSystem reportsOf(@NonNull Connection c) throws AbortException {
        return resolved(c, Connection::reports).orElseThrow(() -> new AbortException(Messages.IacJobsGlobalConfiguration_noReports(c.describe())));
    }

    /**
     * For {@code iacBackupReport}, which only AvePoint serves: the named connection, or else the default one when it
     * has reports, or else the only connection that has them.
     */
    public @NonNull Connection requireForReports(@CheckForNull String name) throws AbortException {
        return Util.fixEmptyAndTrim(name) != null ? require(name) : defaultForReports();
    }

    private Connection defaultForReports() throws AbortException {
        Connection d = lookup(null);
        if (d != null && d.reports().isPresent()) {
            return d;
        }
        List<Connection> withReports = getConnections().stream().filter(IacJobsGlobalConfiguration::hasReports).toList();
        if (withReports.size() != 1) {
            throw new AbortException(Messages.IacJobsGlobalConfiguration_noReportConnection());
        }
        return withReports.get(0);
    }

    /** Whether the connection's system has reports; one whose fields are unusable still counts, to say which field. */
    private static boolean hasReports(Connection c) {
        try {
            return c.reports().isPresent();
        } catch (IacJobsException unusable) {
            return true;
        }
    }

    /** A system part of the connection; its fields' errors (which name the field) as a build error. */
    private static <T> Optional<T> resolved(Connection c, Function<Connection, Optional<T>> part) throws AbortException {
        try {
            return part.apply(c);
        } catch (IacJobsException e) {
            throw new AbortException(Messages.IacJobsGlobalConfiguration_unusable(c.describe(), e.getMessage()));
        }
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
