package io.jenkins.plugins.iacjobs.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an applied job produced for the next stage: Terraform's outputs, as the remote keeps them. A sensitive output's
 * value is never written or shown: {@code outputs.json}, the build log and the CLI give {@link #MASK}; a front end returns
 * it only when asked to ({@code sensitiveOutputs}).
 *
 * @param source  where they were read, for a person: {@code the state of job 42} or {@code the workspace's current state}
 * @param outputs in the remote's order
 * @param note    why there are none, or a caveat of the source; null when there is nothing to say
 */
public record JobOutputs(String source, List<Output> outputs, @CheckForNull String note) {
    /** What stands for a sensitive value wherever outputs are written or shown. */
    public static final String MASK = "****";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    public JobOutputs {
        outputs = List.copyOf(outputs);
    }

    /** None could be read, and why. */
    public static JobOutputs none(String source, String why) {
        return new JobOutputs(source, List.of(), why);
    }

    /**
     * One output.
     *
     * @param value as Terraform wrote it (a string, number, boolean, list or map)
     * @param type  Terraform's type, as text ({@code string}, {@code ["list","string"]}), or null
     */
    public record Output(String name, JsonNode value, @CheckForNull String type, boolean sensitive) {
    }

    /** Names of the sensitive outputs. */
    public List<String> sensitiveNames() {
        return outputs.stream().filter(Output::sensitive).map(Output::name).toList();
    }

    /**
     * Name to value, as plain JDK values (maps, lists, strings, numbers, booleans) that a sandboxed Pipeline script reads
     * without approval. Sensitive outputs are left out, unless {@code withSensitive}.
     */
    public LinkedHashMap<String, Object> values(boolean withSensitive) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (Output o : outputs) {
            if (!o.sensitive() || withSensitive) {
                m.put(o.name(), PLAIN.convertValue(o.value(), Object.class));
            }
        }
        return m;
    }

    /** {@code outputs.json}: every output with its type and whether it is sensitive; sensitive values as {@link #MASK}. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("source", source);
        ObjectNode all = root.putObject("outputs");
        for (Output o : outputs) {
            ObjectNode one = all.putObject(o.name());
            if (o.sensitive()) {
                one.put("value", MASK);
            } else {
                one.set("value", o.value());
            }
            one.put("type", o.type());
            one.put("sensitive", o.sensitive());
        }
        if (note != null) {
            root.put("note", note);
        }
        return root;
    }

    /** {@code vpc_id = "vpc-0abc"}, one per output, sensitive ones masked: for a build log or a console. */
    public Map<String, String> shown() {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (Output o : outputs) {
            m.put(o.name(), o.sensitive() ? MASK + " (sensitive)" : o.value().toString());
        }
        return m;
    }
}
