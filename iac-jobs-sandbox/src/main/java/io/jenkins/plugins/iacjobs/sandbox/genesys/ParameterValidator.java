package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Server-side checks of {@code AcceleratorInput.parameters} against the accelerator's specification. */
final class ParameterValidator {

    private ParameterValidator() {
    }

    /** The effective parameters in specification order, defaults filled in; a 400 naming the parameter otherwise. */
    static Map<String, String> validate(Accelerator accelerator, JsonNode parametersNode) {
        Map<String, String> given = new HashMap<>();
        if (parametersNode != null && !parametersNode.isNull()) {
            if (!parametersNode.isArray()) {
                throw ApiError.badRequest("parameters must be an array of {name, value} objects");
            }
            int index = 0;
            for (JsonNode item : parametersNode) {
                if (!item.isObject()) {
                    throw ApiError.badRequest("parameters[" + index + "] must be an object with name and value");
                }
                JsonNode name = item.get("name");
                if (name == null || !name.isTextual() || name.asText().isEmpty()) {
                    throw ApiError.badRequest("parameters[" + index + "].name is required and must be a string");
                }
                String parameterName = name.asText();
                JsonNode value = item.get("value");
                if (value == null || !value.isTextual()) {
                    throw ApiError.badRequest("Parameter '" + parameterName + "': value must be a string, got "
                            + (value == null ? "nothing" : value.getNodeType().name().toLowerCase(Locale.ROOT)));
                }
                ParameterSpec spec = accelerator.parameter(parameterName).orElseThrow(() -> ApiError.badRequest(
                        "Unknown parameter '" + parameterName + "' for accelerator '" + accelerator.name() + "'; known: "
                                + accelerator.parameters().stream().map(ParameterSpec::name).toList()));
                if (!spec.allowed().isEmpty() && !spec.allowed().contains(value.asText())) {
                    throw ApiError.badRequest("Parameter '" + parameterName + "': value '" + value.asText()
                            + "' is not one of " + spec.allowed());
                }
                if (given.put(parameterName, value.asText()) != null) {
                    throw ApiError.badRequest("Parameter '" + parameterName + "' is given more than once");
                }
                index++;
            }
        }
        Map<String, String> effective = new LinkedHashMap<>();
        for (ParameterSpec spec : accelerator.parameters()) {
            String value = given.containsKey(spec.name()) ? given.get(spec.name()) : spec.defaultValue();
            if (value == null) {
                if (spec.required()) {
                    throw ApiError.badRequest("Missing required parameter '" + spec.name() + "' for accelerator '"
                            + accelerator.name() + "'");
                }
                continue;
            }
            effective.put(spec.name(), value);
        }
        return effective;
    }
}
