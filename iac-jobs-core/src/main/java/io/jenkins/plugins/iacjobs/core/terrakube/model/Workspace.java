package io.jenkins.plugins.iacjobs.core.terrakube.model;

/** A Terrakube workspace ({@code type "workspace"}): what a job runs in. */
public record Workspace(String id, String name, String description, String branch, String source) {
}
