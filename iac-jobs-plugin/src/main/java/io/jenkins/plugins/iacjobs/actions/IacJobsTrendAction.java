package io.jenkins.plugins.iacjobs.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * On a job's page ({@code floatingBox.jelly}): the IaC jobs of its last {@value #BUILDS} builds, with status and
 * plan counts, so drift (a plan that keeps wanting to change or destroy something) shows at a glance: a drift check's
 * builds ({@code onChanges}) are marked, and a drift that stays says so.
 * Computed from the builds' {@link IacJobAction}s; nothing is stored.
 */
@Restricted(NoExternalUse.class)
public final class IacJobsTrendAction implements Action {
    public static final int BUILDS = 10;

    /** One IaC job of one build. */
    public record Row(int build, String buildUrl, String system, String jobId, String status, boolean success,
                      boolean hasPlan, int add, int change, int destroy, boolean drift, boolean sameChanges,
                      @CheckForNull String comparison) {
    }

    private final List<Row> rows;

    IacJobsTrendAction(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> getRows() {
        return rows;
    }

    @Override
    public @CheckForNull String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.IacJobsTrendAction_displayName();
    }

    @Override
    public @CheckForNull String getUrlName() {
        return null;
    }

    static List<Row> rowsOf(Job<?, ?> job) {
        List<Row> rows = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < BUILDS; run = run.getPreviousBuild(), seen++) {
            for (IacJobAction a : run.getActions(IacJobAction.class)) {
                rows.add(new Row(run.getNumber(), run.getUrl(), a.getSystem(), a.getJobId(), a.getStatus(), a.isSuccess(),
                        a.isHasPlan(), a.getPlanAdd(), a.getPlanChange(), a.getPlanDestroy(), a.isDrift(), a.isSameChanges(),
                        a.getPlanComparison()));
            }
        }
        return rows;
    }

    @Extension
    @Restricted(NoExternalUse.class)
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            List<Row> rows = rowsOf((Job<?, ?>) target);
            return rows.isEmpty() ? List.of() : List.of(new IacJobsTrendAction(rows));
        }
    }
}
