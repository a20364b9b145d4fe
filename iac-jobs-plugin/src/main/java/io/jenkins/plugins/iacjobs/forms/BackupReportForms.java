package io.jenkins.plugins.iacjobs.forms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.FailOn;
import io.jenkins.plugins.iacjobs.core.avepoint.JobStatus;
import io.jenkins.plugins.iacjobs.core.avepoint.JobType;
import java.time.Clock;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Form helpers of the backup report step and builder; callers are {@code @POST}, each helper checks permission. */
@Restricted(NoExternalUse.class)
public final class BackupReportForms {

    private BackupReportForms() {
    }

    public static ListBoxModel typeItems(@CheckForNull Item item) {
        Forms.checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        for (JobType t : JobType.values()) {
            m.add(t.label(), t == JobType.ALL ? "" : t.label());
        }
        return m;
    }

    public static ListBoxModel statusItems(@CheckForNull Item item) {
        Forms.checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.BackupReport_allStatuses(), "");
        for (JobStatus s : JobStatus.values()) {
            m.add(s.label(), s.label());
        }
        return m;
    }

    public static ListBoxModel failOnItems(@CheckForNull Item item) {
        Forms.checkConfigure(item);
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.BackupReport_failOnDefault(FailOn.DEFAULT.label()), "");
        for (FailOn f : FailOn.values()) {
            m.add(f.label(), f.label());
        }
        return m;
    }

    /** All options together, as core checks them before sending anything; the message names the option. */
    public static FormValidation checkOptions(@CheckForNull Item item, BackupReportOptions options) {
        Forms.checkConfigure(item);
        if (containsVariable(options)) {
            return FormValidation.ok(); // only known at build time
        }
        try {
            options.resolve(Clock.systemUTC());
            return FormValidation.ok();
        } catch (IacJobsException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static boolean containsVariable(BackupReportOptions o) {
        for (String s : new String[] {o.type(), o.since(), o.startTime(), o.finishTime(), o.status(), o.organization(),
                o.failOn(), o.maxAge()}) {
            if (s != null && s.contains("$")) {
                return true;
            }
        }
        return false;
    }
}
