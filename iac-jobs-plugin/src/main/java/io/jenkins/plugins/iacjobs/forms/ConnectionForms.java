package io.jenkins.plugins.iacjobs.forms;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.core.avepoint.DataCenter;
import io.jenkins.plugins.iacjobs.core.avepoint.IdentityService;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysRegion;
import io.jenkins.plugins.iacjobs.credentials.CredentialsLookup;
import io.jenkins.plugins.iacjobs.remote.ConnectionSettings;
import io.jenkins.plugins.iacjobs.remote.RemoteSystem;
import io.jenkins.plugins.iacjobs.remote.RemoteTarget;
import io.jenkins.plugins.iacjobs.remote.Systems;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The connection form on the system configuration page. Only administrators configure connections, so every
 * helper checks {@link Jenkins#ADMINISTER} first; the form's values arrive as a draft connection.
 */
@Restricted(NoExternalUse.class)
public final class ConnectionForms {

    private ConnectionForms() {
    }

    private static void checkAdminister() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    }

    public static ListBoxModel systemItems() {
        checkAdminister();
        ListBoxModel m = new ListBoxModel();
        for (RemoteSystem s : Systems.all()) {
            m.add(s.displayName(), s.id());
        }
        return m;
    }

    public static ListBoxModel regionItems() {
        checkAdminister();
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.ConnectionForms_regionNone(), "");
        for (GenesysRegion r : GenesysRegion.values()) {
            m.add(r.name() + " (" + r.apiBase() + ")", r.name());
        }
        return m;
    }

    /** The choices depend on the system; an empty value means the system's default. */
    public static ListBoxModel apiGenerationItems(@CheckForNull String system) {
        checkAdminister();
        ListBoxModel m = new ListBoxModel();
        try {
            Systems.of(system).addApiGenerations(m);
        } catch (IacJobsException e) {
            m.add(e.getMessage(), ""); // a system this version does not know: nothing to choose
        }
        return m;
    }

    public static ListBoxModel identityServiceItems() {
        checkAdminister();
        ListBoxModel m = new ListBoxModel();
        // Empty means commercial, so that connections of other systems round-trip with no value.
        m.add(IdentityService.COMMERCIAL.displayName() + " (" + IdentityService.COMMERCIAL.tokenUrl() + ")", "");
        for (IdentityService s : IdentityService.values()) {
            if (s != IdentityService.COMMERCIAL) {
                m.add(s.displayName() + " (" + s.tokenUrl() + ")", s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        return m;
    }

    public static ListBoxModel dataCentreItems() {
        checkAdminister();
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.ConnectionForms_dataCentreNone(), "");
        for (DataCenter dc : DataCenter.values()) {
            m.add(dc.displayName() + " (" + dc.baseUrl() + ")", dc.name().toLowerCase(Locale.ROOT));
        }
        return m;
    }

    /** System-scoped and global credentials of the kinds the draft's system takes, matched to where they go. */
    public static ListBoxModel credentialsItems(ConnectionSettings draft) {
        checkAdminister();
        String url;
        try {
            url = Systems.target(draft).credentialsUrl();
        } catch (IacJobsException e) {
            url = null; // the form is not complete yet
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                        CredentialsLookup.domainRequirements(url), Forms.matcher(draft))
                .includeCurrentValue(draft.getCredentialsId());
    }

    public static FormValidation checkName(@CheckForNull String value) {
        checkAdminister();
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.error(Messages.ConnectionForms_nameRequired()) : FormValidation.ok();
    }

    /** Where the draft points: region, base URL or data centre, as its system reads them. */
    public static FormValidation checkLocation(ConnectionSettings draft) {
        checkAdminister();
        try {
            Systems.target(draft);
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkOrganization(@CheckForNull String value, @CheckForNull String system) {
        checkAdminister();
        return Systems.TERRAKUBE.equals(system) && Util.fixEmptyAndTrim(value) == null
                ? FormValidation.error(Messages.ConnectionForms_organizationRequired())
                : FormValidation.ok();
    }

    public static FormValidation checkIdentityUrl(@CheckForNull String value) {
        checkAdminister();
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            AvePointEndpoints.of(value.trim(), DataCenter.US.baseUrl());
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkPoll(int max, int min) {
        checkAdminister();
        if (max < 1 || min < 1) {
            return FormValidation.error(Messages.ConnectionForms_pollPositive());
        }
        return max < min ? FormValidation.error(Messages.ConnectionForms_pollOrder(min, max)) : FormValidation.ok();
    }

    public static FormValidation checkTimeoutMinutes(int value) {
        checkAdminister();
        return value < 0 ? FormValidation.error(Messages.ConnectionForms_timeoutNegative()) : FormValidation.ok();
    }

    /** Signs in with the credentials as selected in the form and makes one cheap read. */
    public static FormValidation test(ConnectionSettings draft) {
        checkAdminister();
        try {
            RemoteTarget target = Systems.target(draft);
            return FormValidation.ok(target.test(CredentialsLookup.forSystem(draft.getCredentialsId(), target.credentialsUrl())));
        } catch (IacJobsException | AbortException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
