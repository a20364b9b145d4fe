package io.jenkins.plugins.iacjobs.core.genesys.model;

/**
 * A CX infrastructure-as-code job. {@code status} is kept as the string the server sent (Created, Queued,
 * Running, Complete, Failed, Incomplete, or a value newer than this code); {@code results} is an opaque string.
 */
public record InfrastructureascodeJob(String id, Boolean dryRun, String acceleratorId, String dateSubmitted,
                                      UserReference submittedBy, String status, ErrorInfo errorInfo, String results,
                                      String selfUri) {

    public boolean planOnly() {
        return Boolean.TRUE.equals(dryRun);
    }

    /** The same job without its results, for places that must not hold a large string. */
    public InfrastructureascodeJob withoutResults() {
        return new InfrastructureascodeJob(id, dryRun, acceleratorId, dateSubmitted, submittedBy, status, errorInfo, null, selfUri);
    }
}
