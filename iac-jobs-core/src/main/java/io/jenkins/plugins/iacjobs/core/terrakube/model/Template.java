package io.jenkins.plugins.iacjobs.core.terrakube.model;

/**
 * A Terrakube job template ({@code type "template"}).
 *
 * @param tcl the flow as returned: base64-encoded YAML (see {@link io.jenkins.plugins.iacjobs.core.terrakube.Tcl})
 */
public record Template(String id, String name, String description, String version, String tcl) {
}
