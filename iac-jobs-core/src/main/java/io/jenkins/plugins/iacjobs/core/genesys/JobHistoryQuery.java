package io.jenkins.plugins.iacjobs.core.genesys;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Filters for the job history. Explicit sort values are always sent: the documented defaults changed over time. */
public record JobHistoryQuery(int maxResults, boolean includeErrors, @CheckForNull String acceleratorId,
                              @CheckForNull String submittedBy, @CheckForNull String status) {

    public static JobHistoryQuery forAccelerator(String acceleratorId, int maxResults) {
        return new JobHistoryQuery(maxResults, false, acceleratorId, null, null);
    }

    public JobHistoryQuery bySubmitter(String userId) {
        return new JobHistoryQuery(maxResults, includeErrors, acceleratorId, userId, status);
    }
}
