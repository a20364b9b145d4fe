package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import java.util.List;

/**
 * What the history endpoint returned.
 *
 * @param listing whether the server answered with a list (array or entities envelope) rather than one job:
 *                only a listing can cover several watched jobs in one call
 */
public record JobHistory(List<InfrastructureascodeJob> jobs, boolean listing) {
}
