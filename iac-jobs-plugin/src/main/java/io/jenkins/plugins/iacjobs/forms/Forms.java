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
import io.jenkins.plugins.iacjobs.remote.RemoteConnection;
import io.jenkins.plugins.iacjobs.remote.RemoteSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

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
        for (RemoteConnection c : source.connections()) {
            m.add(c.getName() + (c.isDefaultConnection() ? " " + Messages.Forms_defaultMark() : ""), c.getName());
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
        String url = null;
        CredentialsMatcher matcher = CredentialsLookup.SUPPORTED;
        RemoteConnection c = source.lookup(connection);
        try {
            if (c != null) {
                RemoteSystem system = c.system();
                url = system.credentialsUrl();
                matcher = system.credentialsMatcher();
            }
        } catch (IacJobsException unusable) {
            // a connection this form cannot use yet: every supported kind, wherever it goes
        }
        result.includeEmptyValue();
        Authentication as = item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2;
        if (item == null) {
            result.includeMatchingAs(as, Jenkins.get(), StandardCredentials.class, CredentialsLookup.domainRequirements(url), matcher);
        } else {
            result.includeMatchingAs(as, item, StandardCredentials.class, CredentialsLookup.domainRequirements(url), matcher);
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
            ask(item, source, connection, credentialsId, RemoteConnection::jobs, (jobs, creds) -> jobs.targets(creds))
                    .ifPresent(targets -> targets.forEach(t -> m.add(t[1], t[0])));
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
            ask(item, source, connection, credentialsId, RemoteConnection::workspaces, (ws, creds) -> ws.workspaces(creds))
                    .ifPresent(names -> names.forEach(w -> m.add(w, w)));
        } catch (IacJobsException | AbortException e) {
            m.add(Messages.Forms_workspacesUnavailable(e.getMessage()), "");
        }
        keepCurrent(m, Util.fixEmptyAndTrim(current));
        return m;
    }

    /** For the Pipeline snippet form: suggestions that still let the user type anything, such as {@code ${env.WS}}. */
    public static ComboBoxModel workspaceNames(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                               @CheckForNull String credentialsId) {
        return suggestions(item, () -> ask(item, source, connection, credentialsId, RemoteConnection::workspaces,
                (ws, creds) -> ws.workspaces(creds)));
    }

    /** Template names where the connection's jobs run in workspaces (Terrakube); none elsewhere. */
    public static ComboBoxModel templateNames(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                              @CheckForNull String credentialsId) {
        return suggestions(item, () -> {
            RemoteConnection c = source.lookup(connection);
            if (c == null || c.workspaces().isEmpty()) {
                return Optional.empty();
            }
            return ask(item, source, connection, credentialsId, RemoteConnection::jobs,
                    (jobs, creds) -> jobs.targets(creds).stream().map(t -> t[0]).filter(n -> !n.isEmpty()).toList());
        });
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
            ask(item, source, connection, credentialsId, RemoteConnection::jobs, (jobs, creds) -> {
                jobs.checkParameters(creds, target, params);
                return true;
            });
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        } catch (AbortException e) {
            return FormValidation.warning(e.getMessage());
        }
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

    /** A drift check's policy: what a plan-only run does when its plan has changes. */
    public static ListBoxModel onChangesItems(@CheckForNull Item item) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.Forms_onChangesIgnore(), "");
        m.add(Messages.Forms_onChangesUnstable(), "unstable");
        m.add(Messages.Forms_onChangesFail(), "fail");
        return m;
    }

    /** Terrakube: what a job does when its workspace already runs one. */
    public static ListBoxModel queueItems(@CheckForNull Item item) {
        checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.Forms_queueWait(), "");
        m.add(Messages.Forms_queueFail(), "fail");
        return m;
    }

    /**
     * Asks one part of the connection's system, with the job's own credentials when it names some (looked up as the
     * job), otherwise the connection's, which an administrator chose. Empty when the system has no such part: nothing
     * is looked up or sent for it.
     */
    private static <P, T> Optional<T> ask(@CheckForNull Item item, ConnectionSource source, @CheckForNull String connection,
                                          @CheckForNull String credentialsId, Function<RemoteConnection, Optional<P>> part,
                                          BiFunction<P, ResolvedCredentials, T> call) throws AbortException {
        RemoteConnection c = source.require(connection);
        Optional<P> p = part.apply(c);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String url = c.system().credentialsUrl();
        String own = Util.fixEmptyAndTrim(credentialsId);
        ResolvedCredentials creds = own == null || item == null
                ? CredentialsLookup.forSystem(CredentialsLookup.chooseId(own, c.getCredentialsId()), url)
                : CredentialsLookup.forItem(item, own, url);
        return Optional.of(call.apply(p.get(), creds));
    }

    /** What may fail while suggesting: anything that stops the suggestions, never the form. */
    private interface Lookup<T> {
        Optional<T> get() throws AbortException;
    }

    private static ComboBoxModel suggestions(@CheckForNull Item item, Lookup<List<String>> names) {
        checkConfigure(item);
        ComboBoxModel m = new ComboBoxModel();
        try {
            names.get().ifPresent(m::addAll);
        } catch (IacJobsException | AbortException e) {
            // suggestions only: the field stays free text
        }
        return m;
    }

    private static void keepCurrent(ListBoxModel m, @CheckForNull String cur) {
        if (cur != null && m.stream().noneMatch(o -> cur.equals(o.value))) {
            m.add(0, new ListBoxModel.Option(cur, cur, true));
        }
    }
}
