package io.jenkins.plugins.iacjobs.core.terrakube.model;

/** A Terrakube organization ({@code type "organization"}); ids are UUIDs. */
public record Organization(String id, String name, String description) {
}
