package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.model.JobOutputs;
import io.jenkins.plugins.iacjobs.core.plan.OnChanges;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import java.util.List;

/**
 * How a job ended and where its evidence is.
 *
 * @param artifacts the written files, relative to the artifacts root ("iac-jobs/&lt;id&gt;/plan.json")
 * @param report    what {@code summary.md} shows, for a front end's own summary (the Jenkins build page)
 * @param outputs   what an applied job produced for the next stage (Terraform's outputs), or null
 */
public record JobResult(String jobId, String status, JobState state, boolean planOnly, @CheckForNull String message,
                        List<String> artifacts, @CheckForNull String remoteUrl, long durationMillis, JobReport report,
                        @CheckForNull JobOutputs outputs) {

    public boolean success() {
        return state.isSuccess();
    }

    /**
     * Whether {@code policy} acts on this result: a plan-only job that ended well (not one paused at an approval) with a
     * plan that has changes or could not be read. Every front end judges drift by this one rule.
     */
    public boolean drifted(OnChanges policy) {
        return success() && state != JobState.PAUSED && planOnly && policy.actsOn(report.plan());
    }

    /** The folder that holds the files, relative to the artifacts root: {@code iac-jobs/<id>}. */
    public String folder() {
        String summary = artifacts.get(artifacts.size() - 1); // summary.md is always written, last
        return summary.substring(0, summary.lastIndexOf('/'));
    }
}
