package io.jenkins.plugins.iacjobs.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.iacjobs.config.Connection;
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlanExpectation;
import io.jenkins.plugins.iacjobs.core.plan.PlannedChange;
import io.jenkins.plugins.iacjobs.credentials.CredentialsLookup;
import io.jenkins.plugins.iacjobs.remote.ApprovalDecisions;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A Terrakube job waiting for approval, decided on the build page ({@code approve: 'input'}): the plan, and
 * Approve / Reject for people with Build permission on the job (and, when {@code approvers} is set, only for those
 * users or groups, administrators included). The decision is recorded in {@code build.xml} before the PATCH goes
 * out, so neither a double click nor a controller restart approves twice.
 */
@Restricted(NoExternalUse.class)
public final class IacJobApprovalAction extends BuildPageAction {
    public static final String URL = "iac-jobs-approval";
    private static final Logger LOGGER = Logger.getLogger(IacJobApprovalAction.class.getName());

    /** Where the wait stands. */
    public enum State { WAITING, SENDING, APPROVED, REJECTED, CLOSED }

    private final String connection;
    private final String credentialsId;
    private final String jobId;
    private final ArrayList<String> approvers;
    private final String planHeadline;
    private final ArrayList<String> planLines;
    /** The fingerprint of the plan shown, which a decision is given on; null when the log held no plan we could read. */
    private final String planFingerprint;
    /** {@code on plan v2:… (+3 ~0 -0)}, or that it could not be read: recorded with the decision. */
    private final String planOn;
    private volatile State state = State.WAITING;
    private String decidedBy;
    /** ISO-8601: Jenkins' XStream class filter refuses java.time types in build.xml. */
    private String decidedAt;
    private String comment;
    private String closedBecause;

    public IacJobApprovalAction(String connection, String credentialsId, String jobId, List<String> approvers, @CheckForNull Plan plan) {
        this.connection = connection;
        this.credentialsId = credentialsId;
        this.jobId = jobId;
        this.approvers = new ArrayList<>(approvers);
        this.planHeadline = plan == null ? null : plan.headline();
        this.planFingerprint = plan == null ? null : plan.fingerprint();
        this.planOn = PlanExpectation.approvedOn(plan);
        this.planLines = plan == null ? new ArrayList<>()
                : plan.resources().stream().limit(IacJobAction.MAX_PLAN_LINES).map(PlannedChange::line)
                        .collect(Collectors.toCollection(ArrayList::new));
    }

    /** {@code "alice, ops-team"} as the step's {@code approvers} option has it. */
    public static List<String> parseApprovers(@CheckForNull String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** In the side panel only while a decision is open. */
    @Override
    public @CheckForNull String getIconFileName() {
        return isWaiting() ? "symbol-help-circle" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.IacJobApprovalAction_displayName(jobId);
    }

    @Override
    public String getUrlName() {
        return URL;
    }

    public String getJobId() {
        return jobId;
    }

    /** A wait still open when its build has ended (a build saved by an older version) reads as closed. */
    public State getState() {
        return state == State.WAITING && getRun() != null && !getRun().isBuilding() ? State.CLOSED : state;
    }

    public boolean isWaiting() {
        return getState() == State.WAITING;
    }

    public List<String> getApprovers() {
        return approvers;
    }

    public @CheckForNull String getPlanHeadline() {
        return planHeadline;
    }

    public List<String> getPlanLines() {
        return planLines;
    }

    /** The fingerprint of the plan shown, or null when none could be read from the log. */
    public @CheckForNull String getPlanFingerprint() {
        return planFingerprint;
    }

    /** "Approved by alice at 2026-12-01T10:00:00Z: looks right", or why the wait closed; null while open. */
    public @CheckForNull String getDecision() {
        return switch (getState()) {
            case WAITING -> null;
            case SENDING -> Messages.IacJobApprovalAction_sending(decidedBy, decidedAt);
            case APPROVED, REJECTED -> Messages.IacJobApprovalAction_decided(
                    state == State.APPROVED ? Messages.IacJobApprovalAction_approved() : Messages.IacJobApprovalAction_rejected(),
                    decidedBy, decidedAt, (planOn == null ? "" : " " + planOn) + (comment == null ? "" : ": " + comment));
            case CLOSED -> closedBecause != null ? closedBecause : Messages.IacJobApprovalAction_closedEnded();
        };
    }

    /** Whether the current user may decide: Build on the job, and one of {@code approvers} when set. */
    public boolean isAllowed() {
        if (getRun() == null || !getRun().getParent().hasPermission(Item.BUILD)) {
            return false;
        }
        if (approvers.isEmpty()) {
            return true;
        }
        Authentication a = Jenkins.getAuthentication2();
        for (String who : approvers) {
            if (who.equalsIgnoreCase(a.getName())) {
                return true;
            }
            for (GrantedAuthority g : a.getAuthorities()) {
                if (who.equalsIgnoreCase(g.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }

    @POST
    public HttpResponse doApprove(@QueryParameter String comment) {
        return decide(true, comment);
    }

    @POST
    public HttpResponse doReject(@QueryParameter String comment) {
        return decide(false, comment);
    }

    private HttpResponse decide(boolean approve, @CheckForNull String text) {
        getRun().getParent().checkPermission(Item.BUILD);
        if (!isAllowed()) {
            return HttpResponses.errorWithoutStack(403, Messages.IacJobApprovalAction_notAnApprover(
                    Jenkins.getAuthentication2().getName(), String.join(", ", approvers)));
        }
        synchronized (this) {
            if (state != State.WAITING) {
                return HttpResponses.errorWithoutStack(409, Messages.IacJobApprovalAction_alreadyDecided(getDecision()));
            }
            User user = User.current();
            state = State.SENDING; // recorded before the PATCH: a restart or a second click cannot send it again
            decidedBy = user == null ? Jenkins.getAuthentication2().getName() : user.getId();
            decidedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            comment = Util.fixEmptyAndTrim(text) == null ? null : Printable.of(text.strip());
            save();
        }
        try {
            Connection c = IacJobsGlobalConfiguration.get().require(connection);
            ApprovalDecisions decisions = c.approvals().orElseThrow(() -> new AbortException(Messages.IacJobApprovalAction_noApprovals(c.describe())));
            decisions.decide(CredentialsLookup.forRun(getRun(), credentialsId, c.system().credentialsUrl()), jobId, approve);
            state = approve ? State.APPROVED : State.REJECTED;
        } catch (IacJobsException | AbortException e) {
            state = State.WAITING; // nothing reached Terrakube: the decision is open again
            decidedBy = null;
            decidedAt = null;
            comment = null;
            save();
            return HttpResponses.errorWithoutStack(502, Messages.IacJobApprovalAction_failed(e.getMessage()));
        }
        save();
        DecisionListener.fire(getRun(), jobId, getDecision());
        return HttpResponses.redirectTo("..");
    }

    /** The job left waitingApproval by another way (decided in Terrakube, cancelled, the build aborted). */
    public synchronized void close(String why) {
        if (state == State.WAITING) {
            state = State.CLOSED;
            closedBecause = why;
            save();
        }
    }

    private void save() {
        try {
            getRun().save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save the approval of " + getRun(), e);
        }
    }
}
