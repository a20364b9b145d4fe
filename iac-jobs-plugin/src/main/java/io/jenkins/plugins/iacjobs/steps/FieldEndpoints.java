package io.jenkins.plugins.iacjobs.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.forms.BackupReportForms;
import io.jenkins.plugins.iacjobs.forms.Forms;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Form endpoints that a step and its builder have alike, written once: each descriptor implements the interface
 * for its fields, and Stapler serves the default methods as it serves declared ones. Every endpoint is
 * {@code @POST}, and {@link Forms} checks the permission before anything else.
 */
@Restricted(NoExternalUse.class)
public final class FieldEndpoints {

    private FieldEndpoints() {
    }

    /** Every step and builder: which connection, and which credentials to use with it. */
    public interface Connected {
        @POST
        default ListBoxModel doFillConnectionItems(@AncestorInPath Item item) {
            return Forms.connectionItems(item, IacJobsGlobalConfiguration.get());
        }

        @POST
        default ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String connection,
                                                      @QueryParameter String credentialsId) {
            return Forms.credentialsItems(item, IacJobsGlobalConfiguration.get(), connection, credentialsId);
        }
    }

    /** {@code iacJob} and "Run IaC job". */
    public interface Jobs extends Connected {
        @POST
        default FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkTimeout(item, value);
        }

        @POST
        default ListBoxModel doFillApproveItems(@AncestorInPath Item item) {
            return Forms.approveItems(item);
        }

        @POST
        default ListBoxModel doFillOnChangesItems(@AncestorInPath Item item) {
            return Forms.onChangesItems(item);
        }

        @POST
        default ListBoxModel doFillQueueItems(@AncestorInPath Item item) {
            return Forms.queueItems(item);
        }
    }

    /** {@code iacBackupReport} and "AvePoint backup report". */
    public interface BackupReports extends Connected {
        @POST
        default ListBoxModel doFillTypeItems(@AncestorInPath Item item) {
            return BackupReportForms.typeItems(item);
        }

        @POST
        default ListBoxModel doFillStatusItems(@AncestorInPath Item item) {
            return BackupReportForms.statusItems(item);
        }

        @POST
        default ListBoxModel doFillFailOnItems(@AncestorInPath Item item) {
            return BackupReportForms.failOnItems(item);
        }

        /** All options together, as core checks them before sending anything; the message names the option. */
        @POST
        default FormValidation doCheckSince(@AncestorInPath Item item, @QueryParameter String value,
                                            @QueryParameter String startTime, @QueryParameter String finishTime,
                                            @QueryParameter String type, @QueryParameter String status,
                                            @QueryParameter String organization, @QueryParameter String failOn,
                                            @QueryParameter String maxAge) {
            return BackupReportForms.checkOptions(item, new BackupReportOptions(type, value, startTime, finishTime, status,
                    organization, failOn, maxAge, 0));
        }
    }
}
