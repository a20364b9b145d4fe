/**
 * The sandbox server core shared by every stand-in system: {@link io.jenkins.plugins.iacjobs.sandbox.Sandbox}
 * (lifecycle), {@link io.jenkins.plugins.iacjobs.sandbox.Router} (routes, counting, faults),
 * {@link io.jenkins.plugins.iacjobs.sandbox.FaultPlan} and {@link io.jenkins.plugins.iacjobs.sandbox.SandboxCounters}.
 * A new system implements {@link io.jenkins.plugins.iacjobs.sandbox.SandboxSystem}, registers its routes with an
 * {@link io.jenkins.plugins.iacjobs.sandbox.ApiDialect} of its own, and is added in {@code Sandbox.start}.
 */
package io.jenkins.plugins.iacjobs.sandbox;
