package io.jenkins.plugins.iacjobs;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorQuery;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorMetadata;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Template;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Workspace;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Form endpoints shared by the step and the builder. Callers are {@code @POST}; each method checks permission
 * first: {@link Item#CONFIGURE} on the job (or {@link Jenkins#ADMINISTER} outside any job, as on the global
 * Pipeline Syntax page), because these endpoints use stored credentials to call the remote system.
 */
@Restricted(NoExternalUse.class)
final class Forms {

    private Forms() {
    }

    static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    static ListBoxModel connectionItems(@CheckForNull Item item, @CheckForNull String current) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.Forms_defaultConnection(), "");
        for (Connection c : IacJobsGlobalConfiguration.get().getConnections()) {
            m.add(c.getName() + (c.isDefaultConnection() ? " " + Messages.Forms_defaultMark() : ""), c.getName());
        }
        return m;
    }

    static ListBoxModel credentialsItems(@CheckForNull Item item, @CheckForNull String connection,
                                         @CheckForNull String credentialsId) {
        // Those who may only see the configuration get the current value back, no list; others are refused (403).
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.EXTENDED_READ);
        }
        StandardListBoxModel result = new StandardListBoxModel();
        if (item != null && !item.hasPermission(Item.CONFIGURE)) {
            return result.includeCurrentValue(credentialsId);
        }
        Connection c = IacJobsGlobalConfiguration.get().lookup(connection);
        String url = c == null ? null : safeUrl(c);
        CredentialsMatcher matcher = c == null ? CredentialsLookup.SUPPORTED : CredentialsLookup.matcher(c.getSystem());
        result.includeEmptyValue();
        if (item == null) {
            result.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                    CredentialsLookup.domainRequirements(url), matcher);
        } else {
            result.includeMatchingAs(item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2, item,
                    StandardCredentials.class, CredentialsLookup.domainRequirements(url), matcher);
        }
        return result.includeCurrentValue(credentialsId);
    }

    static FormValidation checkTimeout(@CheckForNull Item item, @CheckForNull String value) {
        checkConfigure(item);
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        try {
            Durations.parseBetween("timeout", v, java.time.Duration.ofSeconds(1), Durations.MAX_TIMEOUT);
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * Lists the connection's accelerators by name (Terrakube: its templates; older Terrakube servers: the commands);
     * keeps the current value even when the remote is unreachable.
     */
    static ListBoxModel acceleratorItems(@CheckForNull Item item, @CheckForNull String connection,
                                         @CheckForNull String credentialsId, @CheckForNull String current) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        String cur = Util.fixEmptyAndTrim(current);
        try {
            Connection c = requireConnection(connection);
            if (c.isTerrakube()) {
                m.add(Messages.Forms_planOnlyTemplate(), "");
                TerrakubeJobs jobs = TerrakubeAccess.jobs(c, credentials(item, c, credentialsId), ApprovePolicy.WAIT);
                List<Template> templates = jobs.templates();
                if (templates.isEmpty()) {
                    for (String command : List.of("plan", "apply", "destroy")) {
                        m.add(command, command);
                    }
                }
                for (Template t : templates) {
                    m.add(t.name(), t.name());
                }
            } else {
                List<AcceleratorMetadata> all = GenesysAccess.client(c, credentials(item, c, credentialsId))
                        .listAllAccelerators(AcceleratorQuery.all());
                for (AcceleratorMetadata a : all) {
                    m.add(a.name() + " (" + a.type() + ", " + a.origin() + ")", a.name());
                }
            }
        } catch (IacJobsException | AbortException e) {
            m.add(Messages.Forms_acceleratorsUnavailable(e.getMessage()), "");
        }
        keepCurrent(m, cur);
        return m;
    }

    /** Terrakube workspaces of the connection, by name, for a select; the current value is kept. */
    static ListBoxModel workspaceItems(@CheckForNull Item item, @CheckForNull String connection,
                                       @CheckForNull String credentialsId, @CheckForNull String current) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add("", "");
        try {
            Connection c = requireConnection(connection);
            if (c.isTerrakube()) {
                for (Workspace w : TerrakubeAccess.jobs(c, credentials(item, c, credentialsId), ApprovePolicy.WAIT).workspaces()) {
                    m.add(w.name(), w.name());
                }
            }
        } catch (IacJobsException | AbortException e) {
            m.add(Messages.Forms_workspacesUnavailable(e.getMessage()), "");
        }
        keepCurrent(m, Util.fixEmptyAndTrim(current));
        return m;
    }

    /** For the Pipeline snippet form: suggestions that still let the user type anything, such as {@code ${env.WS}}. */
    static ComboBoxModel workspaceNames(@CheckForNull Item item, @CheckForNull String connection,
                                        @CheckForNull String credentialsId) {
        checkConfigure(item);
        ComboBoxModel m = new ComboBoxModel();
        try {
            Connection c = requireConnection(connection);
            if (c.isTerrakube()) {
                TerrakubeAccess.jobs(c, credentials(item, c, credentialsId), ApprovePolicy.WAIT).workspaces()
                        .forEach(w -> m.add(w.name()));
            }
        } catch (IacJobsException | AbortException e) {
            // suggestions only: the field stays free text
        }
        return m;
    }

    static ComboBoxModel templateNames(@CheckForNull Item item, @CheckForNull String connection,
                                       @CheckForNull String credentialsId) {
        checkConfigure(item);
        ComboBoxModel m = new ComboBoxModel();
        try {
            Connection c = requireConnection(connection);
            if (c.isTerrakube()) {
                List<Template> templates = TerrakubeAccess.jobs(c, credentials(item, c, credentialsId), ApprovePolicy.WAIT).templates();
                if (templates.isEmpty()) {
                    m.addAll(List.of("plan", "apply", "destroy"));
                }
                templates.forEach(t -> m.add(t.name()));
            }
        } catch (IacJobsException | AbortException e) {
            // suggestions only: the field stays free text
        }
        return m;
    }

    /** Terrakube approval policies; no remote call, but kept behind the same permission as the other fields. */
    static ListBoxModel approveItems(@CheckForNull Item item) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.Forms_approveWait(), "");
        m.add(Messages.Forms_approveAuto(), "auto");
        m.add(Messages.Forms_approveNever(), "never");
        m.add(Messages.Forms_approveInput(), "input");
        return m;
    }

    private static void keepCurrent(ListBoxModel m, @CheckForNull String cur) {
        if (cur != null && m.stream().noneMatch(o -> cur.equals(o.value))) {
            m.add(0, new ListBoxModel.Option(cur, cur, true));
        }
    }

    static Connection requireConnection(@CheckForNull String connection) throws AbortException {
        Connection c = IacJobsGlobalConfiguration.get().lookup(connection);
        if (c == null) {
            throw new AbortException(Util.fixEmptyAndTrim(connection) == null
                    ? Messages.IacJobRun_noDefaultConnection()
                    : Messages.IacJobRun_noSuchConnection(connection));
        }
        return c;
    }

    /** The job's own credentials when it names some; otherwise the connection's, which an administrator chose. */
    static ResolvedCredentials credentials(@CheckForNull Item item, Connection c, @CheckForNull String credentialsId)
            throws AbortException {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null || item == null) {
            return CredentialsLookup.forSystem(id == null ? c.getCredentialsId() : id, c.apiBaseUrl());
        }
        return CredentialsLookup.forItem(item, id, c.apiBaseUrl());
    }

    private static @CheckForNull String safeUrl(Connection c) {
        try {
            return c.apiBaseUrl();
        } catch (IacJobsException e) {
            return null;
        }
    }
}
