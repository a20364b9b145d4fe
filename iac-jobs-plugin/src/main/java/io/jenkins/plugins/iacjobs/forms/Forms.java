package io.jenkins.plugins.iacjobs.forms;

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
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.credentials.CredentialsLookup;
import io.jenkins.plugins.iacjobs.credentials.ResolvedCredentials;
import io.jenkins.plugins.iacjobs.remote.ConnectionSettings;
import io.jenkins.plugins.iacjobs.remote.RemoteTarget;
import io.jenkins.plugins.iacjobs.remote.Systems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Form endpoints shared by the steps and the builders. Callers are {@code @POST}; each method checks permission
 * first: {@link Item#CONFIGURE} on the job (or {@link Jenkins#ADMINISTER} outside any job, as on the global
 * Pipeline Syntax page), because these endpoints use stored credentials to call the remote system.
 */
@Restricted(NoExternalUse.class)
public final class Forms {

    private Forms() {
    }

    public static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    public static ListBoxModel connectionItems(@CheckForNull Item item, ConnectionSource source) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.Forms_defaultConnection(), "");
        for (ConnectionSettings c : source.connections()) {
            m.add(c.getName() + (source.isDefault(c) ? " " + Messages.Forms_defaultMark() : ""), c.getName());
        }
        return m;
    }

    public static ListBoxModel credentialsItems(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
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
        ConnectionSettings c = source.lookup(connection);
        String url = c == null ? null : safeUrl(c);
        CredentialsMatcher matcher = c == null ? CredentialsLookup.SUPPORTED : matcher(c);
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

    public static FormValidation checkTimeout(@CheckForNull Item item, @CheckForNull String value) {
        checkConfigure(item);
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        try {
            Durations.parseTimeout("timeout", v);
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The connection's accelerators (Terrakube: its templates); keeps the current value even when the remote is unreachable. */
    public static ListBoxModel acceleratorItems(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                                @CheckForNull String credentialsId, @CheckForNull String current) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        try {
            Remote r = remote(item, source, connection, credentialsId);
            r.target().targets(r.credentials()).forEach(t -> m.add(t[1], t[0]));
        } catch (IacJobsException | AbortException e) {
            m.add(Messages.Forms_acceleratorsUnavailable(e.getMessage()), "");
        }
        keepCurrent(m, Util.fixEmptyAndTrim(current));
        return m;
    }

    /** Workspaces of the connection, by name, for a select; the current value is kept. */
    public static ListBoxModel workspaceItems(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                              @CheckForNull String credentialsId, @CheckForNull String current) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add("", "");
        try {
            Remote r = workspaceRemote(item, source, connection, credentialsId);
            if (r != null) {
                r.target().workspaces(r.credentials()).forEach(w -> m.add(w, w));
            }
        } catch (IacJobsException | AbortException e) {
            m.add(Messages.Forms_workspacesUnavailable(e.getMessage()), "");
        }
        keepCurrent(m, Util.fixEmptyAndTrim(current));
        return m;
    }

    /** For the Pipeline snippet form: suggestions that still let the user type anything, such as {@code ${env.WS}}. */
    public static ComboBoxModel workspaceNames(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                               @CheckForNull String credentialsId) {
        return suggestions(item, source, connection, credentialsId, r -> r.target().workspaces(r.credentials()));
    }

    public static ComboBoxModel templateNames(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                              @CheckForNull String credentialsId) {
        return suggestions(item, source, connection, credentialsId,
                r -> r.target().targets(r.credentials()).stream().map(t -> t[0]).filter(n -> !n.isEmpty()).toList());
    }

    private static ComboBoxModel suggestions(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                             @CheckForNull String credentialsId, Function<Remote, List<String>> names) {
        checkConfigure(item);
        ComboBoxModel m = new ComboBoxModel();
        try {
            Remote r = workspaceRemote(item, source, connection, credentialsId);
            if (r != null) {
                m.addAll(names.apply(r));
            }
        } catch (IacJobsException | AbortException e) {
            // suggestions only: the field stays free text
        }
        return m;
    }

    /** Terrakube approval policies; no remote call, but kept behind the same permission as the other fields. */
    public static ListBoxModel approveItems(@CheckForNull Item item) {
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

    /**
     * Accelerator inputs as {@code name=value} lines (the builder's field, and the step's in the Snippet Generator),
     * checked against the accelerator's specification: unknown names, missing required inputs, values outside an enum.
     */
    public static FormValidation checkParameterLines(@CheckForNull Item item, ConnectionSource source, @CheckForNull String lines,
                                                     @CheckForNull String accelerator, @CheckForNull String connection,
                                                     @CheckForNull String credentialsId, @CheckForNull String jobId) {
        checkConfigure(item);
        LinkedHashMap<String, String> params;
        try {
            params = ParameterLines.parse(lines);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        String target = Util.fixEmptyAndTrim(accelerator);
        if (Util.fixEmptyAndTrim(jobId) != null || target == null || target.contains("$")) {
            return FormValidation.ok(); // nothing to check against yet, or only known at build time
        }
        try {
            Remote r = remote(item, source, connection, credentialsId);
            r.target().checkParameters(r.credentials(), target, params);
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        } catch (AbortException e) {
            return FormValidation.warning(e.getMessage());
        }
    }

    /** A connection with its place resolved and the credentials a form may use with it. */
    public record Remote(ConnectionSettings connection, RemoteTarget target, ResolvedCredentials credentials) {
    }

    /**
     * The job's own credentials when it names some, looked up as the job; otherwise the connection's, which an
     * administrator chose.
     */
    public static Remote remote(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                @CheckForNull String credentialsId) throws AbortException {
        ConnectionSettings c = source.require(connection);
        RemoteTarget target = Systems.target(c);
        String own = Util.fixEmptyAndTrim(credentialsId);
        ResolvedCredentials creds = own == null || item == null
                ? CredentialsLookup.forSystem(CredentialsLookup.chooseId(own, c.getCredentialsId()), target.credentialsUrl())
                : CredentialsLookup.forItem(item, own, target.credentialsUrl());
        return new Remote(c, target, creds);
    }

    /**
     * {@link #remote}, for fields only a system with workspaces has (Terrakube); null for other systems, before any
     * credential is looked up for them.
     */
    private static @CheckForNull Remote workspaceRemote(@CheckForNull Item item, ConnectionSource source,
                                                        @CheckForNull String connection, @CheckForNull String credentialsId)
            throws AbortException {
        ConnectionSettings c = source.lookup(connection);
        return c != null && !Systems.of(c).takesWorkspaceOptions() ? null : remote(item, source, connection, credentialsId);
    }

    /** The credential types the connection's system takes; every supported type for a system this version does not know. */
    static CredentialsMatcher matcher(ConnectionSettings c) {
        try {
            return Systems.of(c).credentialsMatcher();
        } catch (IacJobsException e) {
            return CredentialsLookup.SUPPORTED;
        }
    }

    private static @CheckForNull String safeUrl(ConnectionSettings c) {
        try {
            return Systems.target(c).credentialsUrl();
        } catch (IacJobsException e) {
            return null;
        }
    }
}
