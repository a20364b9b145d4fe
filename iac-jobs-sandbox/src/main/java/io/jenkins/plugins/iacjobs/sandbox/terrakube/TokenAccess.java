package io.jenkins.plugins.iacjobs.sandbox.terrakube;

/** What a sandbox Terrakube token may do, as team membership decides on a real server. */
public enum TokenAccess {
    /** A team with manage and approve job permissions. */
    MANAGE,
    /** A team that may view but not create or change jobs: 403 {@code CreatePermission Denied}. */
    VIEW,
    /** A valid token whose groups match no team: every listing is empty. */
    NO_TEAM
}
