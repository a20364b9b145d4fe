package io.jenkins.plugins.iacjobs.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.run.BackupReportRun;
import java.io.IOException;
import java.io.Serializable;
import java.util.function.UnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The options {@code iacBackupReport} and the "AvePoint backup report" builder share, declared once, and the one
 * way both run a report: find the AvePoint connection, read the report ({@link BackupReportRun}), put the summary on
 * the build page, then apply the gate.
 */
@Restricted(NoExternalUse.class)
public final class BackupReportSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private String connection;
    private String credentialsId;
    private String type;
    private String since;
    private String startTime;
    private String finishTime;
    private String status;
    private String organization;
    private String failOn;
    private String maxAge;
    private int pageSize;

    /** Runs the report; {@code expand} resolves a freestyle build's variables in the options (identity in Pipeline). */
    BackupReportResult report(Run<?, ?> run, @CheckForNull FilePath workspace, TaskListener listener, UnaryOperator<String> expand)
            throws IOException, InterruptedException {
        return BackupReportRun.report(run, workspace, listener, connection, credentialsId, new BackupReportOptions(expand.apply(type),
                expand.apply(since), expand.apply(startTime), expand.apply(finishTime), expand.apply(status), expand.apply(organization),
                expand.apply(failOn), expand.apply(maxAge), pageSize));
    }

    public @CheckForNull String getConnection() {
        return connection;
    }

    public void setConnection(@CheckForNull String connection) {
        this.connection = Util.fixEmptyAndTrim(connection);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public @CheckForNull String getType() {
        return type;
    }

    public void setType(@CheckForNull String type) {
        this.type = Util.fixEmptyAndTrim(type);
    }

    public @CheckForNull String getSince() {
        return since;
    }

    public void setSince(@CheckForNull String since) {
        this.since = Util.fixEmptyAndTrim(since);
    }

    public @CheckForNull String getStartTime() {
        return startTime;
    }

    public void setStartTime(@CheckForNull String startTime) {
        this.startTime = Util.fixEmptyAndTrim(startTime);
    }

    public @CheckForNull String getFinishTime() {
        return finishTime;
    }

    public void setFinishTime(@CheckForNull String finishTime) {
        this.finishTime = Util.fixEmptyAndTrim(finishTime);
    }

    public @CheckForNull String getStatus() {
        return status;
    }

    public void setStatus(@CheckForNull String status) {
        this.status = Util.fixEmptyAndTrim(status);
    }

    public @CheckForNull String getOrganization() {
        return organization;
    }

    public void setOrganization(@CheckForNull String organization) {
        this.organization = Util.fixEmptyAndTrim(organization);
    }

    public @CheckForNull String getFailOn() {
        return failOn;
    }

    public void setFailOn(@CheckForNull String failOn) {
        this.failOn = Util.fixEmptyAndTrim(failOn);
    }

    public @CheckForNull String getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(@CheckForNull String maxAge) {
        this.maxAge = Util.fixEmptyAndTrim(maxAge);
    }

    /** Rows per page; 0 is core's default (100). */
    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = Math.max(0, pageSize);
    }
}
