package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.util.List;

/**
 * One accelerator input, rendered as a {@code MetadataProperty} inside {@code presentation[].schema.properties}.
 *
 * @param name          parameter name (the map key on the wire)
 * @param description   description
 * @param required      listed in the schema's {@code required}
 * @param sensitive     rendered as the string {@code "true"}/{@code "false"}; masked in plans
 * @param defaultValue  {@code default}, or null
 * @param allowed       {@code enum}; empty for free text
 * @param help          help URL, or null
 */
public record ParameterSpec(String name, String description, boolean required, boolean sensitive,
                            String defaultValue, List<String> allowed, String help) {

    public ParameterSpec {
        allowed = List.copyOf(allowed);
    }

    static ParameterSpec required(String name, String description) {
        return new ParameterSpec(name, description, true, false, null, List.of(), null);
    }

    static ParameterSpec optional(String name, String description, String defaultValue) {
        return new ParameterSpec(name, description, false, false, defaultValue, List.of(), null);
    }

    ParameterSpec withAllowed(String... values) {
        return new ParameterSpec(name, description, required, sensitive, defaultValue, List.of(values), help);
    }

    ParameterSpec asSensitive() {
        return new ParameterSpec(name, description, required, true, defaultValue, allowed, help);
    }

    ParameterSpec withHelp(String url) {
        return new ParameterSpec(name, description, required, sensitive, defaultValue, allowed, url);
    }
}
