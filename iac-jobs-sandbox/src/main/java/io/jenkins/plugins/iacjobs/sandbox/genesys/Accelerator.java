package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.util.List;
import java.util.Optional;

/**
 * One catalogue entry: the wire metadata and specification, and how its jobs end under the default planner.
 *
 * @param origin  wire enum: {@code Community}, {@code Partner} or {@code Genesys}
 * @param type    wire enum: {@code Module}, {@code Accelerator} or {@code Blueprint}
 * @param outcome the terminal status and error of its jobs under {@link DefaultJobPlanner}
 */
public record Accelerator(String id, String name, String description, String origin, String type,
                          String classification, List<String> tags, List<String> permissions, List<String> products,
                          List<Documentation> documentation, List<Section> presentation, List<ResultEntity> results,
                          Outcome outcome) {

    /** {@code MetadataDocumentation}. */
    public record Documentation(String description, String location) {
    }

    /** {@code MetadataPresentation}: a titled group of inputs. */
    public record Section(String title, String description, List<ParameterSpec> parameters) {
        public Section {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * {@code MetadataResultEntity}; {@code nameParameter} (not on the wire) names the parameter whose value names
     * the created resource.
     */
    public record ResultEntity(String type, String description, String visibility, String nameParameter) {
    }

    /** How jobs end: terminal status plus the {@code errorInfo} for Failed/Incomplete. */
    public record Outcome(JobStatus status, String errorCode, String errorMessage) {
        static final Outcome COMPLETE = new Outcome(JobStatus.COMPLETE, null, null);
    }

    public Accelerator {
        tags = List.copyOf(tags);
        permissions = List.copyOf(permissions);
        products = List.copyOf(products);
        documentation = List.copyOf(documentation);
        presentation = List.copyOf(presentation);
        results = List.copyOf(results);
    }

    public List<ParameterSpec> parameters() {
        return presentation.stream().flatMap(section -> section.parameters().stream()).toList();
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters().stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    public String selfUri() {
        return AcceleratorEndpoints.PATH + "/" + id;
    }
}
