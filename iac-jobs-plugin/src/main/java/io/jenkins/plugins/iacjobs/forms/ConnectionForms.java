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
import io.jenkins.plugins.iacjobs.remote.RemoteConnection;
import io.jenkins.plugins.iacjobs.remote.RemoteSystem;
import java.util.Locale;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The connection forms on the system configuration page. Only administrators configure connections, so every
 * helper checks {@link Jenkins#ADMINISTER} first, before it reads the form's values (a draft connection, made only
 * after that check).
 */
@Restricted(NoExternalUse.class)
public final class ConnectionForms {

    private ConnectionForms() {
    }

    private static void checkAdminister() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    }

    /** Fixed choices as label and value pairs; an empty value means the default. */
    public static ListBoxModel choices(String... labelValue) {
        checkAdminister();
        ListBoxModel m = new ListBoxModel();
        for (int i = 0; i < labelValue.length; i += 2) {
            m.add(labelValue[i], labelValue[i + 1]);
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

    public static ListBoxModel identityServiceItems() {
        checkAdminister();
        ListBoxModel m = new ListBoxModel();
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
    public static ListBoxModel credentialsItems(Supplier<? extends RemoteConnection> draft, @CheckForNull String credentialsId) {
        checkAdminister();
        StandardListBoxModel m = new StandardListBoxModel();
        m.includeEmptyValue();
        try {
            RemoteSystem system = draft.get().system();
            m.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                    CredentialsLookup.domainRequirements(system.credentialsUrl()), system.credentialsMatcher());
        } catch (IacJobsException incomplete) {
            // the form does not say where yet: no list until it does
        }
        return m.includeCurrentValue(credentialsId);
    }

    public static FormValidation checkName(@CheckForNull String value) {
        return checkRequired(value, Messages.ConnectionForms_nameRequired());
    }

    public static FormValidation checkRequired(@CheckForNull String value, String missing) {
        checkAdminister();
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.error(missing) : FormValidation.ok();
    }

    /** Where the draft points (region, base URL or data centre), as its system reads them. */
    public static FormValidation checkLocation(Supplier<? extends RemoteConnection> draft) {
        checkAdminister();
        try {
            draft.get().system();
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        }
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
    public static FormValidation test(Supplier<? extends RemoteConnection> draft) {
        checkAdminister();
        try {
            RemoteConnection c = draft.get();
            RemoteSystem system = c.system();
            return FormValidation.ok(system.test(CredentialsLookup.forSystem(c.getCredentialsId(), system.credentialsUrl())));
        } catch (IacJobsException | AbortException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
