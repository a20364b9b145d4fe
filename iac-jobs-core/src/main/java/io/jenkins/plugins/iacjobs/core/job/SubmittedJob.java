package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A job the remote accepted, as a front end keeps it until the job ends: after a restart it is what the resumed
 * watch and the job's evidence are made from. Holds no secret: sensitive parameter values are already masked.
 *
 * <p>A plain immutable class rather than a record, like {@code WatchHandle}: Jenkins saves it with the running
 * Pipeline through JBoss Marshalling, which restores fields reflectively.
 */
public final class SubmittedJob implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String jobId;
    @CheckForNull
    private final String status;
    @CheckForNull
    private final String targetId;
    @CheckForNull
    private final String targetName;
    private final boolean planOnly;
    private final LinkedHashMap<String, String> shownParams;
    /** A digest of the target and every input value ({@code PlanFingerprint.inputs}); null when unknown. No secret. */
    @CheckForNull
    private final String inputsDigest;

    /**
     * @param status      the status the remote answered with, or null when only the id is known
     * @param targetId    the accelerator or template id that was run, or null when unknown
     * @param targetName  its name, for people, or null when unknown
     * @param shownParams the parameters as they may be shown: sensitive values already masked
     */
    public SubmittedJob(String jobId, @CheckForNull String status, @CheckForNull String targetId, @CheckForNull String targetName,
                        boolean planOnly,
                        Map<String, String> shownParams) {
        this(jobId, status, targetId, targetName, planOnly, shownParams, null);
    }

    private SubmittedJob(String jobId, @CheckForNull String status, @CheckForNull String targetId, @CheckForNull String targetName,
                         boolean planOnly, @CheckForNull Map<String, String> shownParams, @CheckForNull String inputsDigest) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.status = status;
        this.targetId = targetId;
        this.targetName = targetName;
        this.planOnly = planOnly;
        this.shownParams = new LinkedHashMap<>(shownParams == null ? Map.of() : shownParams);
        this.inputsDigest = inputsDigest;
    }

    /** The same job, known to be made from inputs with this digest. */
    public SubmittedJob withInputsDigest(@CheckForNull String digest) {
        return new SubmittedJob(jobId, status, targetId, targetName, planOnly, shownParams, digest);
    }

    /** A digest of the target and inputs the job was made from, or null when unknown (a job attached by id). */
    @CheckForNull
    public String inputsDigest() {
        return inputsDigest;
    }

    /** A job attached by id ({@code jobId:}, {@code job wait}): nothing else is known of it yet. */
    public static SubmittedJob attached(String jobId, boolean planOnly) {
        return new SubmittedJob(jobId, null, null, null, planOnly, Map.of());
    }

    public String jobId() {
        return jobId;
    }

    @CheckForNull
    public String status() {
        return status;
    }

    @CheckForNull
    public String targetId() {
        return targetId;
    }

    @CheckForNull
    public String targetName() {
        return targetName;
    }

    public boolean planOnly() {
        return planOnly;
    }

    public Map<String, String> shownParams() {
        return Collections.unmodifiableMap(shownParams);
    }

    @Override
    public boolean equals(@CheckForNull Object o) {
        return o instanceof SubmittedJob s && jobId.equals(s.jobId) && Objects.equals(status, s.status)
                && Objects.equals(targetId, s.targetId) && Objects.equals(targetName, s.targetName) && planOnly == s.planOnly
                && shownParams.equals(s.shownParams) && Objects.equals(inputsDigest, s.inputsDigest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, status, targetId, targetName, planOnly, shownParams, inputsDigest);
    }

    @Override
    public String toString() {
        return "SubmittedJob[" + jobId + ", " + status + ", " + targetName + (planOnly ? ", plan only" : "") + "]";
    }
}
