/** Values are non-null unless marked {@code @CheckForNull}; SpotBugs holds callers to it. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.iacjobs.core.genesys;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
