package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Streams an {@code InfrastructureascodeJob}; {@code results} is copied from its source in chunks. */
final class JobJson {

    /** The SDK's {@code ApiDateFormat}. */
    static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private JobJson() {
    }

    static void write(JsonGenerator g, SandboxJob job, JobStatus status, boolean withErrorInfo, boolean withResults)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", job.id);
        g.writeBooleanField("dryRun", job.dryRun);
        g.writeStringField("acceleratorId", job.acceleratorId);
        g.writeStringField("dateSubmitted", formatDate(job.submittedAt));
        g.writeObjectFieldStart("submittedBy");
        g.writeStringField("id", job.submittedBy);
        g.writeStringField("selfUri", "/api/v2/users/" + job.submittedBy);
        g.writeEndObject();
        g.writeStringField("status", status.wire());
        JobPlan plan = job.plan;
        if (withErrorInfo && (status == JobStatus.FAILED || status == JobStatus.INCOMPLETE)
                && (plan.errorMessage() != null || plan.errorCode() != null)) {
            g.writeObjectFieldStart("errorInfo");
            if (plan.errorMessage() != null) {
                g.writeStringField("message", plan.errorMessage());
            }
            if (plan.errorCode() != null) {
                g.writeStringField("code", plan.errorCode());
            }
            g.writeEndObject();
        }
        if (withResults && status.isTerminal() && plan.results() != null) {
            g.writeFieldName("results");
            try (Reader results = plan.results().open()) {
                g.writeString(results, -1);
            }
        }
        g.writeStringField("selfUri", JobEndpoints.PATH + "/" + job.id);
        g.writeEndObject();
    }

    static String formatDate(Instant instant) {
        return DATE_FORMAT.format(instant);
    }
}
