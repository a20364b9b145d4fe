/**
 * Wire records: what Genesys Cloud's Infrastructure as Code API sent, as Jackson read it. Any component may be absent
 * from a response, so none is declared non-null here (SpotBugs' {@code @Nullable}: no claim either way); the code
 * that reads a record checks what it needs and names the missing field. Every other core package is non-null by
 * default.
 */
@DefaultAnnotation(Nullable.class)
package io.jenkins.plugins.iacjobs.core.genesys.model;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.Nullable;
