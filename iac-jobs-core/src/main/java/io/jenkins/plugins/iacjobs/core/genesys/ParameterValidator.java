package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.Similarity;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorParameter;
import io.jenkins.plugins.iacjobs.core.genesys.model.MetadataProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks parameters against an accelerator's specification before anything is submitted: unknown names (with a
 * "did you mean"), missing required ones, and values outside an enum. All problems are reported at once.
 * Sensitive values never appear in a message.
 */
public final class ParameterValidator {
    private ParameterValidator() {
    }

    /** The parameters to send, in the order given. Throws {@link ValidationException} naming every problem. */
    public static List<AcceleratorParameter> validate(String acceleratorName, AcceleratorInputs inputs, Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        List<AcceleratorParameter> out = new ArrayList<>();
        params.forEach((name, value) -> {
            MetadataProperty p = inputs.properties().get(name);
            if (p == null) {
                String suggestion = Similarity.closest(name, inputs.properties().keySet());
                problems.add("unknown parameter '" + name + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
                return;
            }
            if (value == null) {
                problems.add("parameter '" + name + "' has no value");
                return;
            }
            if (value.isBlank() && inputs.required().contains(name)) {
                problems.add("required parameter '" + name + "' is empty; give it a value");
                return;
            }
            List<String> allowed = p.allowedValues();
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                String shown = p.markedSensitive() ? "the given value" : "'" + value + "'";
                problems.add("parameter '" + name + "': " + shown + " is not one of " + allowed);
                return;
            }
            out.add(new AcceleratorParameter(name, value));
        });
        for (String req : inputs.required()) {
            MetadataProperty p = inputs.properties().get(req);
            boolean hasDefault = p != null && p.defaultValue() != null && !p.defaultValue().isBlank();
            if (!params.containsKey(req) && !hasDefault) {
                String what = p != null && p.description() != null && !p.description().isBlank() ? " (" + p.description() + ")" : "";
                problems.add("missing required parameter '" + req + "'" + what);
            }
        }
        if (!problems.isEmpty()) {
            String known = String.join(", ", inputs.properties().keySet());
            throw new ValidationException("params", String.join("; ", problems) + ". Accelerator '" + acceleratorName
                    + "' takes: " + (known.isEmpty() ? "no parameters" : known));
        }
        return out;
    }
}
