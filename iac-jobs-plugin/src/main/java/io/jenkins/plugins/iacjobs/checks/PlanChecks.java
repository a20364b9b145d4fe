package io.jenkins.plugins.iacjobs.checks;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import io.jenkins.plugins.iacjobs.core.plan.PlanComparison;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import io.jenkins.plugins.iacjobs.core.report.Markdown;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Makes a run's {@link PlanCheck}s and hands them to every {@link CheckPublisher}: one check per {@code iacJob} or
 * builder run, in progress from the submission on, then completed with a conclusion. Only text the build log and
 * {@code summary.md} show goes into it: parameters as the run shows them (sensitive values masked), remote text made
 * {@link Printable}, resource lines, counts. A publisher's failure is one line in the build log, never the build's.
 */
@Restricted(NoExternalUse.class)
public final class PlanChecks {

    private static final Logger LOGGER = Logger.getLogger(PlanChecks.class.getName());

    /** GitHub's limit on a check run's summary and text, in characters. */
    public static final int MAX_TEXT = 65_535;

    private PlanChecks() {
    }

    /** What a run's check is about: one target, and whether it plans or applies. */
    public record Subject(String name, String system, boolean planOnly, Map<String, String> shownParams,
                          @CheckForNull String buildUrl, String buildLabel, Instant startedAt) {
    }

    /**
     * The subject of {@code run}'s check.
     *
     * @param given  the {@code checksName} the user gave, or null
     * @param target what the job runs on: the accelerator, or Terrakube's workspace
     */
    public static Subject subject(Run<?, ?> run, @CheckForNull String given, String system, boolean planOnly, String target,
                                  Map<String, String> shownParams, Instant startedAt) {
        String name = given != null ? Printable.of(given) : (planOnly ? "IaC plan: " : "IaC apply: ") + Printable.of(target);
        return new Subject(name, system, planOnly, Map.copyOf(shownParams), buildUrl(run), run.getFullDisplayName(), startedAt);
    }

    private static @CheckForNull String buildUrl(Run<?, ?> run) {
        String root = Jenkins.get().getRootUrl();
        return root == null ? null : root + run.getUrl();
    }

    /** While the job runs. */
    public static PlanCheck running(Subject s, String jobId) {
        StringBuilder b = new StringBuilder();
        b.append(s.system()).append(" job `").append(Markdown.code(jobId)).append("` is ").append(s.planOnly() ? "planning" : "running")
                .append('.');
        links(b, s, null);
        parameters(b, s.shownParams());
        return new PlanCheck(s.name(), false, PlanCheck.Conclusion.NONE, s.planOnly() ? "Planning" : "Applying", cut(b.toString()),
                null, s.buildUrl(), s.startedAt(), null);
    }

    /**
     * An archived file of the build, linked from a check.
     *
     * @param name its name ({@code plan.txt})
     * @param href where it is, relative to the build's page ({@code artifact/iac-jobs/…/plan.txt})
     */
    public record FileLink(String name, String href) {
    }

    /**
     * The job ended (or paused at an approval) and its evidence is written.
     *
     * @param conclusion from the job's outcome and the drift policy
     * @param everyOne   the archived file that names every resource of the plan (plan.txt, or for a plan too big to
     *                   keep whole, the results or the log); or null
     */
    public static PlanCheck ended(Subject s, JobReport report, PlanCheck.Conclusion conclusion, @CheckForNull FileLink everyOne,
                                  Instant now) {
        Plan plan = report.plan();
        String title = plan != null ? counts(plan) : report.success() ? report.status() : "Failed: " + report.status();
        String allIn = everyOne == null ? "the build's files"
                : s.buildUrl() == null ? "the build's " + everyOne.name() : "[" + everyOne.name() + "](" + s.buildUrl() + everyOne.href() + ")";
        StringBuilder b = new StringBuilder();
        if (plan != null) {
            b.append("**").append(plan.headline()).append("**");
            PlanComparison compared = report.planComparison();
            if (compared != null) {
                b.append(' ').append(compared.sentence());
            }
            b.append("\n\n");
            if (!plan.resources().isEmpty()) {
                b.append(Markdown.codeBlock(plan.shownLines()));
                if (plan.hiddenCount() > 0) {
                    b.append("The ").append(plan.shownOfAll().substring("the ".length())).append("; ").append(allIn)
                            .append(" lists them all.\n");
                }
                b.append('\n');
            }
        }
        b.append(s.system()).append(" job `").append(Markdown.code(report.jobId())).append("` ended **").append(report.status())
                .append("**").append(s.planOnly() ? " (plan only)." : ".");
        String message = report.message();
        if (message != null && !message.isBlank()) {
            b.append("\n\n> ").append(message);
        }
        links(b, s, report.remoteUrl());
        parameters(b, report.shownParams());
        String text = plan == null ? null : planText(plan, allIn);
        return new PlanCheck(s.name(), true, conclusion, title, cut(b.toString()), text, s.buildUrl(), s.startedAt(), now);
    }

    /** The run ended without the job's end: timed out, aborted, or failed on the way. */
    public static PlanCheck stopped(Subject s, String jobId, PlanCheck.Conclusion conclusion, String why, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append(s.system()).append(" job `").append(Markdown.code(jobId)).append("`: ").append(Printable.of(why));
        links(b, s, null);
        parameters(b, s.shownParams());
        String title = switch (conclusion) {
            case TIME_OUT -> "Timed out";
            case CANCELED -> "Aborted";
            default -> "Failed";
        };
        return new PlanCheck(s.name(), true, conclusion, title, cut(b.toString()), null, s.buildUrl(), s.startedAt(), now);
    }

    /** Hands {@code check} to every publisher there is; none (no Checks API plugin) is not an error and says nothing. */
    public static void publish(Run<?, ?> run, TaskListener listener, PlanCheck check) {
        for (CheckPublisher p : ExtensionList.lookup(CheckPublisher.class)) {
            try {
                p.publish(run, listener, check);
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.WARNING, "could not publish the check " + check.name() + " of " + run, e);
                listener.getLogger().println("[IaC Jobs] The check \u2018" + check.name() + "\u2019 could not be published: "
                        + Printable.of(String.valueOf(e.getMessage())) + " (the build goes on; see the Jenkins log)");
            }
        }
    }

    /** {@code +3 ~0 -1}, or {@code No changes}. */
    static String counts(Plan plan) {
        return plan.hasChanges() ? "+" + plan.add() + " ~" + plan.change() + " -" + plan.destroy() : "No changes";
    }

    /**
     * The plan as a code block, cut at a line end to fit {@link #MAX_TEXT} with the cut said plainly: how many lines are
     * shown of how many, and where every resource is.
     *
     * @param allIn where every resource is, as Markdown ({@code [plan.txt](…)})
     */
    static String planText(Plan plan, String allIn) {
        List<String> lines = plan.text().lines().toList();
        String whole = Markdown.codeBlock(lines);
        if (whole.length() <= MAX_TEXT) {
            return whole;
        }
        StringBuilder b = new StringBuilder("```\n");
        int shown = 0;
        for (String line : lines) {
            String l = Markdown.code(line);
            String note = cutNote(shown + 1, lines.size(), allIn);
            if (b.length() + l.length() + 1 + "```\n".length() + note.length() > MAX_TEXT) {
                break;
            }
            b.append(l).append('\n');
            shown++;
        }
        return b.append("```\n").append(cutNote(shown, lines.size(), allIn)).toString();
    }

    private static String cutNote(int shown, int of, String allIn) {
        return "\n**Cut at " + MAX_TEXT + " characters, the size limit of a check:** the first " + shown + " of " + of
                + " lines of the plan are above; " + allIn + " lists every resource.\n";
    }

    /** A summary too long for a check is cut at a line end, and says so. */
    private static String cut(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        String note = "\n\n**Cut at " + MAX_TEXT + " characters, the size limit of a check;** the build page has it all.";
        int end = text.lastIndexOf('\n', MAX_TEXT - note.length());
        return text.substring(0, Math.max(0, end)) + note;
    }

    private static void links(StringBuilder b, Subject s, @CheckForNull String remoteUrl) {
        b.append("\n\n");
        b.append(s.buildUrl() == null ? Printable.of(s.buildLabel()) : "[" + md(s.buildLabel()) + "](" + s.buildUrl() + ")");
        if (remoteUrl != null && (remoteUrl.startsWith("https://") || remoteUrl.startsWith("http://"))) {
            b.append(" · [the job on ").append(s.system()).append("](").append(remoteUrl.replace(")", "%29")).append(')');
        }
        b.append('\n');
    }

    /** The parameters as the run shows them everywhere: sensitive values are masked already. */
    private static void parameters(StringBuilder b, Map<String, String> shown) {
        if (!shown.isEmpty()) {
            b.append('\n').append(Markdown.table("Parameter", "Value", shown));
        }
    }

    private static String md(String s) {
        return Printable.of(s).replace("[", "\\[").replace("]", "\\]");
    }
}
