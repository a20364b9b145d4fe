package io.jenkins.plugins.iacjobs.checks;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A {@link PlanCheck} through the Checks API plugin, to whichever publisher it finds for the run (GitHub Checks,
 * GitLab, ...), as the junit and warnings-ng plugins publish theirs. Optional: without the Checks API plugin Jenkins
 * cannot load this class and leaves the extension out, quietly. When the plugin finds no publisher for the run, it
 * hands back its null publisher, which would print "No suitable checks publisher found" on every call: nothing is
 * sent then, and nothing is printed.
 */
@Extension(optional = true)
@Restricted(NoExternalUse.class)
public final class ChecksApiPublisher extends CheckPublisher {

    @Override
    public void publish(Run<?, ?> run, TaskListener listener, PlanCheck check) {
        ChecksPublisher publisher = ChecksPublisherFactory.fromRun(run, listener);
        if (publisher instanceof ChecksPublisher.NullChecksPublisher) {
            return;
        }
        ChecksOutput.ChecksOutputBuilder output = new ChecksOutput.ChecksOutputBuilder()
                .withTitle(check.title()).withSummary(check.summary());
        if (check.text() != null) {
            output.withText(check.text());
        }
        ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
                .withName(check.name())
                .withStatus(check.completed() ? ChecksStatus.COMPLETED : ChecksStatus.IN_PROGRESS)
                .withStartedAt(utc(check.startedAt()))
                .withOutput(output.build());
        if (check.completed()) {
            details.withConclusion(ChecksConclusion.valueOf(check.conclusion().name()));
            if (check.completedAt() != null) {
                details.withCompletedAt(utc(check.completedAt()));
            }
        }
        if (check.detailsUrl() != null) {
            details.withDetailsURL(check.detailsUrl());
        }
        publisher.publish(details.build());
    }

    /** The Checks API takes local date-times and reads them as UTC. */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
