package io.jenkins.plugins.iacjobs.core.terrakube.model;

/**
 * One step of a job ({@code type "step"}, id a UUID).
 *
 * @param output the URL of the step's log ({@code /tfoutput/v1/...}); null until the step has run
 */
public record Step(String id, int stepNumber, String name, String status, String output) {
}
