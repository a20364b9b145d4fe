/**
 * The Genesys Cloud stand-in: {@code POST /oauth/token} and {@code /api/v2/infrastructureascode/*} as in
 * API-DIGEST §1, with a fixed accelerator catalogue and clock-driven job state machines.
 */
package io.jenkins.plugins.iacjobs.sandbox.genesys;
