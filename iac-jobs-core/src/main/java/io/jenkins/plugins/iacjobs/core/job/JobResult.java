package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import java.util.List;

/**
 * How a job ended and where its evidence is.
 *
 * @param artifacts the written files, relative to the artifacts root ("iac-jobs/&lt;id&gt;/plan.json")
 * @param report    what {@code summary.md} shows, for a front end's own summary (the Jenkins build page)
 */
public record JobResult(String jobId, String status, JobState state, boolean planOnly, @CheckForNull String message,
                        List<String> artifacts, @CheckForNull String remoteUrl, long durationMillis, JobReport report) {

    public boolean success() {
        return state.isSuccess();
    }

    /** The folder that holds the files, relative to the artifacts root: {@code iac-jobs/<id>}. */
    public String folder() {
        String summary = artifacts.get(artifacts.size() - 1); // summary.md is always written, last
        return summary.substring(0, summary.lastIndexOf('/'));
    }
}
