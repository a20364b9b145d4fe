package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.IacJobsException;

/** Exit codes, one per outcome, so scripts and CI systems can branch on them. Documented in docs/cli.md. */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    /** The remote job ran and failed (Failed, Incomplete, rejected, cancelled), or a report gate failed. */
    public static final int JOB_FAILED = 1;
    /** Bad usage or input: unknown option, missing parameter, wrong accelerator. */
    public static final int USAGE = 2;
    /** Credentials missing or refused. */
    public static final int AUTHENTICATION = 3;
    /** The timeout passed before the job ended. */
    public static final int TIMEOUT = 4;
    /** The remote system failed, could not be reached, or answered with something unreadable. */
    public static final int REMOTE_ERROR = 5;
    /** {@code --on-changes unstable}: the plan-only job succeeded and its plan has changes (drift), or could not be read. */
    public static final int DRIFT = 6;
    /**
     * Nothing was applied, on purpose: {@code --expect-plan}'s dry run planned other changes than the reviewed plan, or
     * {@code --queue fail} found the workspace running a job.
     */
    public static final int HELD_BACK = 7;
    /** A bug in iacjobs: an exception nothing else maps (EX_SOFTWARE of sysexits.h). */
    public static final int INTERNAL = 70;
    /** Interrupted (Ctrl-C). */
    public static final int ABORTED = 130;

    private ExitCodes() {
    }

    public static int of(IacJobsException e) {
        return switch (e.kind()) {
            case VALIDATION -> USAGE;
            case AUTHENTICATION -> AUTHENTICATION;
            case TIMEOUT -> TIMEOUT;
            case JOB_FAILED -> JOB_FAILED;
            case HELD_BACK -> HELD_BACK;
            case ABORTED -> ABORTED;
            case REMOTE, UNREACHABLE, MALFORMED_RESPONSE -> REMOTE_ERROR;
        };
    }
}
