package io.jenkins.plugins.iacjobs.core.terrakube;

/** Which Terrakube jobs API a server speaks. */
public enum ApiGeneration {
    /** 2.x: organization-scoped jobs created from a template ({@code templateReference}). */
    CURRENT,
    /** 1.x: jobs created on {@code /workspace/{id}/job} with {@code command: plan|apply|destroy}. */
    OLDER,
    /** Ask the server once: a server with no template collection is the older API. */
    DETECT
}
