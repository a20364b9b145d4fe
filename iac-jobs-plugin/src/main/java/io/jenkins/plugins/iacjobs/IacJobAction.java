package io.jenkins.plugins.iacjobs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jenkins.model.RunAction2;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One IaC job on the build page ({@code summary.jelly}). Stores only what the summary shows, as plain strings,
 * so {@code build.xml} stays readable and holds no secret: parameters arrive masked from core.
 */
@Restricted(NoExternalUse.class)
public final class IacJobAction implements RunAction2 {

    private final String system;
    private final String connection;
    private final String jobId;
    private final String accelerator;
    private final boolean planOnly;
    private final String status;
    private final boolean success;
    private final String message;
    private final long durationMillis;
    private final String remoteUrl;
    private final LinkedHashMap<String, String> parameters;
    private final ArrayList<String> artifacts;
    private transient Run<?, ?> run;

    IacJobAction(JobReport report, List<String> artifacts) {
        this.system = report.system();
        this.connection = report.connection();
        this.jobId = report.jobId();
        this.accelerator = report.targetName() != null ? report.targetName() : report.targetId();
        this.planOnly = report.planOnly();
        this.status = report.status();
        this.success = report.success();
        this.message = report.message();
        this.durationMillis = report.duration() == null ? -1 : report.duration().toMillis();
        this.remoteUrl = report.remoteUrl();
        this.parameters = new LinkedHashMap<>(report.shownParams() == null ? Map.of() : report.shownParams());
        this.artifacts = new ArrayList<>(artifacts);
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** No sidebar link: everything is on the build's main page. */
    @Override
    public @CheckForNull String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.IacJobAction_displayName(system, jobId);
    }

    @Override
    public @CheckForNull String getUrlName() {
        return null;
    }

    public String getSystem() {
        return system;
    }

    public String getConnection() {
        return connection;
    }

    public String getJobId() {
        return jobId;
    }

    public String getAccelerator() {
        return accelerator;
    }

    public boolean isPlanOnly() {
        return planOnly;
    }

    public String getStatus() {
        return status;
    }

    public boolean isSuccess() {
        return success;
    }

    public @CheckForNull String getMessage() {
        return message;
    }

    public String getDuration() {
        return durationMillis < 0 ? "" : Util.getTimeSpanString(durationMillis);
    }

    /** Only http(s) links are rendered, so a remote value cannot smuggle a script URL into the page. */
    public @CheckForNull String getRemoteUrl() {
        return remoteUrl != null && (remoteUrl.startsWith("https://") || remoteUrl.startsWith("http://")) ? remoteUrl : null;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public List<String> getArtifacts() {
        return artifacts;
    }

    /** Relative to the build page, where {@code summary.jelly} is rendered. */
    public String artifactHref(String path) {
        return "artifact/" + Arrays.stream(path.split("/")).map(Util::rawEncode).collect(Collectors.joining("/"));
    }

    public @CheckForNull Run<?, ?> getRun() {
        return run;
    }
}
