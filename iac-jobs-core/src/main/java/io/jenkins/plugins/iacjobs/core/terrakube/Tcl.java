package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the flow types out of a template's TCL (base64-encoded YAML). Only the {@code type:} values are needed,
 * to tell a plan-only template from one that applies, so a line scan does, and no YAML library is bundled.
 */
public final class Tcl {
    /** Flow types that change nothing. */
    public static final Set<String> PLAN_TYPES = Set.of("terraformPlan", "terraformPlanDestroy");
    private static final Set<String> FLOW_TYPES = Set.of("terraformPlan", "terraformPlanDestroy", "terraformApply",
            "terraformDestroy", "customScripts", "approval", "disableWorkspace", "scheduleTemplates");
    private static final Pattern TYPE = Pattern.compile("^[\\s-]*type\\s*:\\s*[\"']?([A-Za-z]+)[\"']?\\s*(#.*)?$");

    private Tcl() {
    }

    /** The flow types in order of appearance; empty when the TCL is missing or unreadable. */
    public static List<String> flowTypes(@CheckForNull String tcl) {
        List<String> types = new ArrayList<>();
        String yaml = decode(tcl);
        if (yaml == null) {
            return types;
        }
        for (String line : yaml.split("\\R")) {
            Matcher m = TYPE.matcher(line);
            if (m.matches() && FLOW_TYPES.contains(m.group(1))) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    /** Whether every flow only plans. Unknown or custom steps count as changing something, to stay safe. */
    public static boolean isPlanOnly(@CheckForNull String tcl) {
        List<String> types = flowTypes(tcl);
        return !types.isEmpty() && PLAN_TYPES.containsAll(types);
    }

    @CheckForNull
    private static String decode(@CheckForNull String tcl) {
        if (tcl == null || tcl.isBlank()) {
            return null;
        }
        String t = tcl.strip();
        if (t.contains("type:") || t.contains("flow:")) {
            return t; // already YAML
        }
        try {
            return new String(Base64.getMimeDecoder().decode(t), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
