package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Template;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds workspaces and templates by id or name. Names match exactly, or ignoring case when that is unambiguous;
 * anything else is an error that lists the candidates, so the fix is in the message.
 */
final class TargetResolver {
    private static final int SHOWN = 25;
    static final Set<String> COMMANDS = Set.of("plan", "apply", "destroy");

    private final TerrakubeClient client;

    TargetResolver(TerrakubeClient client) {
        this.client = client;
    }

    Workspace workspace(String orgId, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            throw new ValidationException("workspace", "is empty; give the workspace's name or id");
        }
        List<Workspace> all = client.listWorkspaces(orgId);
        if (all.isEmpty()) {
            throw new ValidationException("workspace", "the token sees no workspaces in organization " + orgId
                    + ", so '" + wanted + "' cannot be found. This is likely a token or permission problem: the token's"
                    + " groups match no team with access to this organization");
        }
        return pick("workspace", wanted.strip(), all, Workspace::id, Workspace::name);
    }

    /** The template to run on a current server; for {@code planOnly} it must only plan. */
    Template template(String orgId, @CheckForNull String wanted, boolean planOnly, @CheckForNull String connectionPlanTemplate) {
        List<Template> all = client.listTemplates(orgId);
        if (all.isEmpty()) {
            throw new ValidationException("template", "the token sees no templates in organization " + orgId
                    + ". This is likely a token or permission problem, or the organization has no templates yet");
        }
        if (wanted != null && !wanted.isBlank()) {
            Template t = pick("template", wanted.strip(), all, Template::id, Template::name);
            if (planOnly && !Tcl.isPlanOnly(t.tcl())) {
                throw new ValidationException("template", "'" + t.name() + "' does not only plan (its steps: "
                        + describeFlow(t) + "), so it cannot run with planOnly. " + planOnlyChoices(all));
            }
            return t;
        }
        if (!planOnly) {
            throw new ValidationException("template", "is empty; give the template's name or id. Templates: " + names(all));
        }
        if (connectionPlanTemplate != null) {
            return pick("planOnlyTemplate", connectionPlanTemplate, all, Template::id, Template::name);
        }
        List<Template> plans = all.stream().filter(t -> List.of("terraformPlan").containsAll(Tcl.flowTypes(t.tcl()))
                && !Tcl.flowTypes(t.tcl()).isEmpty()).toList();
        if (plans.size() == 1) {
            return plans.get(0);
        }
        throw new ValidationException("template", plans.isEmpty()
                ? "planOnly needs a template whose steps are all terraformPlan, and this organization has none. "
                        + "Create one in Terrakube, or name it with template. Templates: " + names(all)
                : "planOnly found several plan-only templates (" + names(plans) + "); name one with template, or set"
                        + " the connection's plan-only template");
    }

    /** The older API's command: {@code plan} for planOnly, else the template option read as a command. */
    static String command(@CheckForNull String wanted, boolean planOnly) {
        String c = wanted == null ? null : wanted.strip().toLowerCase(Locale.ROOT);
        if (planOnly) {
            if (c != null && !c.isEmpty() && !c.equals("plan")) {
                throw new ValidationException("template", "'" + wanted + "' cannot run with planOnly on this older"
                        + " Terrakube server; planOnly runs the command plan");
            }
            return "plan";
        }
        if (c == null || !COMMANDS.contains(c)) {
            throw new ValidationException("template", (c == null || c.isEmpty() ? "is empty" : "'" + wanted + "' is not a command")
                    + "; this older Terrakube server runs commands, not templates: use plan, apply or destroy");
        }
        return c;
    }

    private static <T> T pick(String field, String wanted, List<T> all, Function<T, String> id, Function<T, String> name) {
        List<T> exact = all.stream().filter(x -> wanted.equals(id.apply(x)) || wanted.equals(name.apply(x))).toList();
        if (exact.isEmpty()) {
            exact = all.stream().filter(x -> name.apply(x) != null && name.apply(x).equalsIgnoreCase(wanted)).toList();
        }
        if (exact.size() == 1) {
            return exact.get(0);
        }
        String listed = all.stream().map(x -> "'" + name.apply(x) + "' (" + id.apply(x) + ")").sorted().limit(SHOWN)
                .collect(Collectors.joining(", ")) + (all.size() > SHOWN ? ", …" : "");
        throw new ValidationException(field, (exact.isEmpty() ? "no " + field + " has the name or id '" + wanted + "'"
                : "'" + wanted + "' matches " + exact.size() + " " + field + "s; give the id instead")
                + ". Candidates: " + listed);
    }

    private static String describeFlow(Template t) {
        List<String> types = Tcl.flowTypes(t.tcl());
        return types.isEmpty() ? "unreadable" : String.join(", ", types);
    }

    private static String planOnlyChoices(List<Template> all) {
        List<Template> plans = all.stream().filter(t -> Tcl.isPlanOnly(t.tcl())).toList();
        return plans.isEmpty() ? "No template here only plans" : "Plan-only templates: " + names(plans);
    }

    private static String names(List<Template> list) {
        return list.stream().map(t -> "'" + t.name() + "'").sorted().limit(SHOWN).collect(Collectors.joining(", "));
    }
}
