package io.jenkins.plugins.iacjobs.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.core.avepoint.OrganisationSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One backup report on the build page ({@code summary.jelly}): window, counts, verdict, newest finished backup per
 * organisation, links to the files. Plain strings and numbers only, so {@code build.xml} stays small and readable.
 */
@Restricted(NoExternalUse.class)
public final class BackupReportAction extends BuildPageAction {

    private final String connection;
    private final String windowStart;
    private final String windowFinish;
    private final String type;
    private final String status;
    private final String organization;
    private final long total;
    private final LinkedHashMap<String, Long> byStatus;
    private final LinkedHashMap<String, Long> byType;
    private final LinkedHashMap<String, String> newestBackupByOrganization;
    private final String verdict;
    private final boolean passed;
    private final String failOn;
    private final String reason;
    private final ArrayList<String> details;
    private final ArrayList<String> files;

    public BackupReportAction(String connection, BackupReportResult r) {
        this.connection = connection;
        this.windowStart = r.windowStart().toString();
        this.windowFinish = r.windowFinish().toString();
        this.type = r.type();
        this.status = r.status();
        this.organization = r.organization();
        this.total = r.total();
        this.byStatus = new LinkedHashMap<>(r.byStatus());
        this.byType = new LinkedHashMap<>(r.byType());
        this.newestBackupByOrganization = new LinkedHashMap<>();
        for (OrganisationSummary o : r.organisations()) {
            Instant t = o.newestSuccessfulBackup();
            newestBackupByOrganization.put(o.label(), Instants.seconds(t));
        }
        this.verdict = r.verdict().label();
        this.passed = r.passed();
        this.failOn = r.verdict().failOn().label();
        this.reason = r.verdict().reason();
        this.details = new ArrayList<>(r.verdict().details());
        this.files = new ArrayList<>(r.files());
    }

    @Override
    public String getDisplayName() {
        return Messages.BackupReportAction_displayName(verdict);
    }

    public String getConnection() {
        return connection;
    }

    public String getWindowStart() {
        return windowStart;
    }

    public String getWindowFinish() {
        return windowFinish;
    }

    public String getType() {
        return type;
    }

    public String getStatus() {
        return status;
    }

    public @CheckForNull String getOrganization() {
        return organization;
    }

    public long getTotal() {
        return total;
    }

    public Map<String, Long> getByStatus() {
        return byStatus;
    }

    public Map<String, Long> getByType() {
        return byType;
    }

    public Map<String, String> getNewestBackupByOrganization() {
        return newestBackupByOrganization;
    }

    public String getVerdict() {
        return verdict;
    }

    public boolean isPassed() {
        return passed;
    }

    public String getFailOn() {
        return failOn;
    }

    public String getReason() {
        return reason;
    }

    public List<String> getDetails() {
        return details;
    }

    public List<String> getFiles() {
        return files;
    }

    /** Relative to the build page, where {@code summary.jelly} is rendered. */
    public String artifactHref(String path) {
        return "artifact/" + Arrays.stream(path.split("/")).map(Util::rawEncode).collect(Collectors.joining("/"));
    }

}
