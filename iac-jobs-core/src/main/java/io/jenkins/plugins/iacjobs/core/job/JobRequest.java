package io.jenkins.plugins.iacjobs.core.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;

/**
 * What to run on one system, typed by that system ({@code GenesysJobRequest}, {@code TerrakubeJobRequest}) and built
 * once, where a front end resolves its options; {@link RemoteJobSystem#submit} takes it as it is.
 */
public interface JobRequest {

    boolean planOnly();

    /** When the job's overall timeout ends, or null: submitting neither sends nor waits for a retry past it. */
    @CheckForNull
    Instant deadline();

    JobRequest withDeadline(@CheckForNull Instant deadline);

    /**
     * Every input that makes two submissions the same, as one canonical text (target, flags, every parameter value):
     * what a digest of the exact inputs is made of. Never shown or stored as it is, since a value may be sensitive.
     */
    String canonical();

    /**
     * The target and every input that shapes a plan, as one canonical text: {@link #canonical()} without whether it
     * only plans, when it must end or how it is approved. A dry run and the apply of the same inputs have the same
     * text, so the plan of one vouches for the other. Never shown or stored as it is; only its digest is.
     */
    String planInputs();

    /** The same request as a dry run (plan only); a system that cannot plan this request alone says so. */
    JobRequest asPlanOnly();
}
