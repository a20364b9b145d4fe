package io.jenkins.plugins.iacjobs.core.genesys.model;

/** A user reference as Genesys returns it. */
public record UserReference(String id, String selfUri) {
}
