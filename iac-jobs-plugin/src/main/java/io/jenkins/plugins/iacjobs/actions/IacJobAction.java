package io.jenkins.plugins.iacjobs.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.plan.PlanComparison;
import io.jenkins.plugins.iacjobs.core.plan.PlannedChange;
import io.jenkins.plugins.iacjobs.core.report.EvidenceFiles;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One IaC job on the build page ({@code summary.jelly}). Stores only what the summary shows, as plain strings,
 * so {@code build.xml} stays readable and holds no secret: parameters arrive masked from core.
 */
@Restricted(NoExternalUse.class)
public final class IacJobAction extends BuildPageAction {

    private final String system;
    private final String connection;
    private final String jobId;
    private final String accelerator;
    private final boolean planOnly;
    private final String status;
    private final boolean success;
    private final String message;
    private final long durationMillis;
    private final String remoteUrl;
    private final LinkedHashMap<String, String> parameters;
    private final ArrayList<String> artifacts;
    /** The plan's counts, or -1 each when there was no plan to read (older builds have no such fields: 0 when loaded). */
    private final int planAdd;
    private final int planChange;
    private final int planDestroy;
    private final boolean hasPlan;
    private final String planHeadline;
    /** Its resources as sign-and-address lines, at most {@link #MAX_PLAN_LINES}; plan.txt has them all. */
    private final ArrayList<String> planLines;
    private final int planMore;
    /** The archived file that names every resource of the plan: plan.txt, or the results or log of a plan too big to keep. */
    private final String planAllIn;
    /**
     * Which deployment the job planned or applied: system, connection, target and parameters as shown (masked). Two
     * plans are compared only when these match. Null in builds made before plans were compared.
     */
    private final String targetKey;
    private final String planFingerprint;
    /** How the plan compares with the previous plan of the same target ({@code Same changes as build #3.}), or null. */
    private final String planComparison;
    /** The build where the plan's changes were first seen, when it has changes ({@code build #3}); null otherwise. */
    private final String planFirstSeen;
    /** A drift check ({@code onChanges}) acted on this plan: it had changes, or could not be read. */
    private final boolean drift;
    /** The plan makes the same changes as the previous plan of the same target: a drift that stays. */
    private final boolean sameChanges;

    /**
     * What this run was to an {@code expectPlan} apply, for a person reading the build page: the check before it, or
     * the apply it let through; null for any other run.
     */
    private String reviewNote;

    public static final int MAX_PLAN_LINES = 500;
    /** How many earlier builds are searched for the previous plan of the same target. */
    public static final int PRIOR_BUILDS = 30;

    /**
     * @param targetKey which deployment it was ({@link #targetKey}), as its plan was compared by
     * @param drift     whether the run's drift policy acted on its plan
     * @param ownLabel  how a later build names this one ({@code build #4})
     */
    public IacJobAction(JobReport report, List<String> artifacts, String targetKey, boolean drift, String ownLabel) {
        this.system = report.system();
        this.connection = report.connection();
        this.jobId = report.jobId();
        this.accelerator = report.targetName() != null ? report.targetName() : report.targetId();
        this.planOnly = report.planOnly();
        this.status = report.status();
        this.success = report.success();
        this.message = report.message();
        this.durationMillis = report.duration() == null ? -1 : report.duration().toMillis();
        this.remoteUrl = report.remoteUrl();
        this.parameters = new LinkedHashMap<>(report.shownParams() == null ? Map.of() : report.shownParams());
        this.artifacts = new ArrayList<>(artifacts);
        Plan plan = report.plan();
        this.hasPlan = plan != null;
        this.planAdd = plan == null ? -1 : plan.add();
        this.planChange = plan == null ? -1 : plan.change();
        this.planDestroy = plan == null ? -1 : plan.destroy();
        this.planHeadline = plan == null ? null : plan.headline();
        this.planLines = plan == null ? new ArrayList<>()
                : plan.resources().stream().limit(MAX_PLAN_LINES).map(PlannedChange::line).collect(Collectors.toCollection(ArrayList::new));
        // every resource the plan names, also those a very large plan counted without keeping
        this.planMore = plan == null ? 0 : Math.max(0, plan.resourceCount() - planLines.size());
        this.planAllIn = plan == null ? null : EvidenceFiles.everyResourceIn(plan, artifacts);
        this.targetKey = targetKey;
        this.planFingerprint = plan == null ? null : plan.fingerprint();
        PlanComparison compared = report.planComparison();
        this.planComparison = compared == null ? null : compared.sentence();
        this.planFirstSeen = plan == null ? null : compared != null ? compared.firstSeen(ownLabel) : plan.hasChanges() ? ownLabel : null;
        this.drift = drift;
        this.sameChanges = compared != null && compared.sameChanges();
    }

    /** The key two runs of the same deployment share: system, connection, target and the parameters as shown (masked). */
    public static String targetKey(String system, String connection, SubmittedJob job) {
        return system + "\n" + connection + "\n" + (job.targetId() != null ? job.targetId() : job.targetName()) + "\n"
                + new TreeMap<>(job.shownParams());
    }

    /** {@code build #12}: how a plan comparison names a build. */
    public static String label(Run<?, ?> run) {
        return "build #" + run.getNumber();
    }

    /**
     * The last plan of the same target before {@code build}, within {@link #PRIOR_BUILDS} builds: what a new plan is
     * compared with. Null when there is none.
     */
    public static @CheckForNull PlanComparison.Prior priorPlan(Run<?, ?> build, String targetKey) {
        int seen = 0;
        for (Run<?, ?> r = build.getPreviousBuild(); r != null && seen < PRIOR_BUILDS; r = r.getPreviousBuild(), seen++) {
            List<IacJobAction> actions = r.getActions(IacJobAction.class);
            for (int i = actions.size() - 1; i >= 0; i--) {
                IacJobAction a = actions.get(i);
                if (a.planFingerprint != null && targetKey.equals(a.targetKey)) {
                    return new PlanComparison.Prior(label(r), a.planFingerprint, a.planAdd + a.planChange + a.planDestroy > 0,
                            a.planFirstSeen);
                }
            }
        }
        return null;
    }

    /**
     * The reviewed plan of an {@code expectPlan} apply, where this build or one of the {@link #PRIOR_BUILDS} before it
     * shows it: its counts and the resources kept on the build page, to list what a new plan changes. Null when only
     * the fingerprint is known (a plan of another job, or older than that).
     */
    public static @CheckForNull Plan planWithFingerprint(Run<?, ?> build, String fingerprint) {
        int seen = 0;
        for (Run<?, ?> r = build; r != null && seen <= PRIOR_BUILDS; r = r.getPreviousBuild(), seen++) {
            for (IacJobAction a : r.getActions(IacJobAction.class)) {
                if (fingerprint.equals(a.planFingerprint) && a.hasPlan) {
                    List<PlannedChange> resources = a.planLines.stream().map(PlannedChange::fromLine)
                            .filter(java.util.Objects::nonNull).toList();
                    return new Plan(a.planAdd, a.planChange, a.planDestroy, resources, a.planAdd + a.planChange + a.planDestroy == 0,
                            true, "build page", resources.size() + a.planMore, fingerprint);
                }
            }
        }
        return null;
    }

    public @CheckForNull String getPlanComparison() {
        return planComparison;
    }

    public @CheckForNull String getPlanFingerprint() {
        return planFingerprint;
    }

    /** The fingerprint's first 12 hex digits. */
    public @CheckForNull String getPlanFingerprintShort() {
        return planFingerprint == null ? null : Plan.shortFingerprint(planFingerprint);
    }

    public boolean isDrift() {
        return drift;
    }

    /** Says what this run was to an {@code expectPlan} apply; set before the action is added to its build. */
    public void setReviewNote(@CheckForNull String note) {
        this.reviewNote = note;
    }

    public @CheckForNull String getReviewNote() {
        return reviewNote;
    }

    /** Whether the plan's changes are the same as the previous plan's: a drift that stays. */
    public boolean isSameChanges() {
        return sameChanges;
    }

    public boolean isHasPlan() {
        return hasPlan;
    }

    public int getPlanAdd() {
        return planAdd;
    }

    public int getPlanChange() {
        return planChange;
    }

    public int getPlanDestroy() {
        return planDestroy;
    }

    public @CheckForNull String getPlanHeadline() {
        return planHeadline;
    }

    /** The first {@link Plan#SHOWN} resources, shown open on the build page. */
    public List<String> getPlanShown() {
        return planLines.subList(0, Math.min(Plan.SHOWN, planLines.size()));
    }

    /** The rest, folded. */
    public List<String> getPlanFolded() {
        return planLines.size() <= Plan.SHOWN ? List.of() : planLines.subList(Plan.SHOWN, planLines.size());
    }

    /** Resources beyond what the build page keeps: plan.txt lists them. */
    public int getPlanMore() {
        return planMore;
    }

    /** The archived file that names every resource of the plan ({@code plan.txt}, {@code log.txt}, …), or null. */
    public @CheckForNull String getPlanAllInName() {
        return planAllIn == null ? null : planAllIn.substring(planAllIn.lastIndexOf('/') + 1);
    }

    /** {@link #getPlanAllInName}'s file, relative to the build page, or null. */
    public @CheckForNull String getPlanAllInHref() {
        return planAllIn == null ? null : artifactHref(planAllIn);
    }

    /** The archived plan.txt, relative to the build page, or null. */
    public @CheckForNull String getPlanTextHref() {
        return artifacts.stream().filter(a -> a.endsWith("/plan.txt")).findFirst().map(this::artifactHref).orElse(null);
    }

    @Override
    public String getDisplayName() {
        return Messages.IacJobAction_displayName(system, jobId);
    }

    public String getSystem() {
        return system;
    }

    public String getConnection() {
        return connection;
    }

    public String getJobId() {
        return jobId;
    }

    public String getAccelerator() {
        return accelerator;
    }

    public boolean isPlanOnly() {
        return planOnly;
    }

    public String getStatus() {
        return status;
    }

    public boolean isSuccess() {
        return success;
    }

    public @CheckForNull String getMessage() {
        return message;
    }

    public String getDuration() {
        return durationMillis < 0 ? "" : Util.getTimeSpanString(durationMillis);
    }

    /** Only http(s) links are rendered, so a remote value cannot smuggle a script URL into the page. */
    public @CheckForNull String getRemoteUrl() {
        return remoteUrl != null && (remoteUrl.startsWith("https://") || remoteUrl.startsWith("http://")) ? remoteUrl : null;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public List<String> getArtifacts() {
        return artifacts;
    }

    /** Relative to the build page, where {@code summary.jelly} is rendered. */
    public String artifactHref(String path) {
        return "artifact/" + Arrays.stream(path.split("/")).map(Util::rawEncode).collect(Collectors.joining("/"));
    }

}
