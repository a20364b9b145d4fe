/**
 * The run as a check on the pull request or commit, through the Checks API plugin: {@link
 * io.jenkins.plugins.iacjobs.checks.PlanCheck} is what the plugin says (no Checks API type), {@link
 * io.jenkins.plugins.iacjobs.checks.PlanChecks} makes and sends it, and {@link
 * io.jenkins.plugins.iacjobs.checks.ChecksApiPublisher} is the only class that touches the optional plugin: an
 * {@code @Extension(optional = true)} that Jenkins leaves out when the Checks API plugin is not installed.
 */
package io.jenkins.plugins.iacjobs.checks;
