package io.jenkins.plugins.iacjobs.core.genesys.model;

/** Why a job failed; present with {@code details=true} or {@code includeErrors=true}. */
public record ErrorInfo(String message, String code) {
}
