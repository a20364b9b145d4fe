package io.jenkins.plugins.iacjobs.cli;

/** How the options that found a job are said again: for hints a user can paste. */
interface Where {
    /** The remote, for telling runs apart (no secret). */
    String remote();

    /** A complete {@code iacjobs job wait} command for the job, secrets left to the environment. */
    String waitCommand(String jobId);
}
