package io.jenkins.plugins.iacjobs.core.avepoint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.Instants;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupJob;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportOptions;
import io.jenkins.plugins.iacjobs.core.avepoint.BackupReportResult;
import io.jenkins.plugins.iacjobs.core.avepoint.FailOn;
import io.jenkins.plugins.iacjobs.core.avepoint.JobQuery;
import io.jenkins.plugins.iacjobs.core.avepoint.OrganisationSummary;
import io.jenkins.plugins.iacjobs.core.report.AtomicFiles;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code backup-report/jobs.json}, {@code jobs.csv}, {@code junit.xml} and {@code summary.md}, one job at
 * a time. Rows go to hidden temporary files as they arrive; {@link #finish} completes each file and moves it into
 * place, so readers see either no report or a whole one, and memory does not grow with the number of jobs.
 */
public final class BackupReportWriter implements Closeable {
    public static final String FOLDER = "backup-report";
    static final String[] CSV_HEADER = {"organizationName", "organizationId", "module", "jobId", "type", "status",
        "startTime", "finishTime", "durationHours", "successfulEntity", "failedEntity", "skippedEntity", "warningEntity",
        "totalEntity", "successfulRecord", "failedRecord", "skippedRecord", "warningRecord", "totalRecord", "backupSize"};

    private final Path dir;
    private final ObjectMapper json;
    private final Path jsonTmp;
    private final Path csvTmp;
    private final Path junitTmp;
    private final JsonGenerator jsonOut;
    private final Writer csvOut;
    private final Writer junitOut;
    private final JunitCases junit;
    private boolean finished;
    /** Whether {@link #open} made the folder: a failed report then leaves no empty folder behind. */
    private boolean madeFolder;

    private BackupReportWriter(Path dir, ObjectMapper json, FailOn gate) throws IOException {
        this.dir = dir;
        this.junit = new JunitCases(gate);
        this.json = json;
        this.jsonTmp = Files.createTempFile(dir, ".jobs", ".json.tmp");
        this.csvTmp = Files.createTempFile(dir, ".jobs", ".csv.tmp");
        this.junitTmp = Files.createTempFile(dir, ".junit", ".xml.tmp");
        this.jsonOut = json.getFactory().createGenerator(Files.newOutputStream(jsonTmp)).useDefaultPrettyPrinter();
        this.csvOut = writer(csvTmp);
        this.junitOut = writer(junitTmp);
    }

    public static BackupReportWriter open(Path root, BackupReportOptions.Plan plan, ObjectMapper json) throws IOException {
        Path dir = root.resolve(FOLDER);
        boolean existed = Files.isDirectory(dir);
        Files.createDirectories(dir);
        BackupReportWriter w = new BackupReportWriter(dir, json, plan.failOn());
        w.madeFolder = !existed;
        w.start(plan);
        return w;
    }

    private void start(BackupReportOptions.Plan plan) throws IOException {
        JobQuery q = plan.query();
        jsonOut.writeStartObject();
        jsonOut.writeStringField("system", "AvePoint Cloud Backup for Dynamics 365");
        jsonOut.writeObjectFieldStart("query");
        jsonOut.writeStringField("startTime", q.startTime().toString());
        jsonOut.writeStringField("finishTime", q.finishTime().toString());
        jsonOut.writeStringField("type", q.type().label());
        jsonOut.writeStringField("status", q.statusLabel());
        String organizationId = q.organizationId();
        if (organizationId != null) {
            jsonOut.writeStringField("organizationId", organizationId);
        }
        String organizationName = q.organizationName();
        if (organizationName != null) {
            jsonOut.writeStringField("organizationName", organizationName);
        }
        jsonOut.writeStringField("failOn", plan.failOn().label());
        jsonOut.writeEndObject();
        jsonOut.writeArrayFieldStart("jobs");
        csvOut.write(String.join(",", CSV_HEADER));
        csvOut.write("\r\n");
    }

    /** Adds one job to every file. {@code raw} goes into jobs.json unchanged. */
    public void write(BackupJob job, JsonNode raw) throws IOException {
        json.writeTree(jsonOut, raw);
        csvOut.write(csvRow(job));
        junit.write(junitOut, job);
    }

    static String csvRow(BackupJob j) {
        return String.join(",", CsvCells.text(j.organizationName()), CsvCells.text(j.organizationId()),
                CsvCells.text(j.module()), CsvCells.text(j.jobId()), CsvCells.text(j.typeLabel()), CsvCells.text(j.statusLabel()),
                CsvCells.text(j.startTime()), CsvCells.text(j.finishTime()), CsvCells.number(j.durationHours()),
                CsvCells.number(j.successfulEntity()), CsvCells.number(j.failedEntity()), CsvCells.number(j.skippedEntity()),
                CsvCells.number(j.warningEntity()), CsvCells.number(j.totalEntity()), CsvCells.number(j.successfulRecord()),
                CsvCells.number(j.failedRecord()), CsvCells.number(j.skippedRecord()), CsvCells.number(j.warningRecord()),
                CsvCells.number(j.totalRecord()), CsvCells.number(j.backupSize())) + "\r\n";
    }

    /**
     * Completes the four files and moves them into place.
     *
     * @return their paths relative to the output root, with forward slashes
     */
    public List<String> finish(BackupReportResult result, List<BackupJob> problems) throws IOException {
        jsonOut.writeEndArray();
        writeTotals(result);
        jsonOut.writeEndObject();
        jsonOut.close();
        csvOut.close();
        junit.writeGate(junitOut, result.verdict());
        junitOut.close();
        AtomicFiles.move(jsonTmp, dir.resolve("jobs.json"));
        AtomicFiles.move(csvTmp, dir.resolve("jobs.csv"));
        AtomicFiles.write(dir.resolve("junit.xml"), out -> writeJunit(out, result));
        List<String> files = List.of(FOLDER + "/jobs.json", FOLDER + "/jobs.csv", FOLDER + "/junit.xml", FOLDER + "/summary.md");
        String summary = BackupSummaryMarkdown.render(result, problems, files);
        AtomicFiles.write(dir.resolve("summary.md"), out -> out.write(summary.getBytes(StandardCharsets.UTF_8)));
        finished = true;
        return files;
    }

    private void writeTotals(BackupReportResult r) throws IOException {
        jsonOut.writeNumberField("total", r.total());
        writeCounts("byStatus", r.byStatus());
        writeCounts("byType", r.byType());
        jsonOut.writeArrayFieldStart("organizations");
        for (OrganisationSummary o : r.organisations()) {
            jsonOut.writeStartObject();
            jsonOut.writeStringField("organizationId", o.id());
            jsonOut.writeStringField("organizationName", o.name());
            jsonOut.writeNumberField("jobs", o.jobs());
            jsonOut.writeNumberField("finished", o.finished());
            jsonOut.writeNumberField("failed", o.failed());
            jsonOut.writeNumberField("finishedWithException", o.finishedWithException());
            jsonOut.writeNumberField("inProgress", o.inProgress());
            Instant newest = o.newestSuccessfulBackup();
            jsonOut.writeStringField("newestSuccessfulBackup", Instants.seconds(newest));
            jsonOut.writeEndObject();
        }
        jsonOut.writeEndArray();
        jsonOut.writeObjectFieldStart("verdict");
        jsonOut.writeStringField("failOn", r.verdict().failOn().label());
        jsonOut.writeBooleanField("passed", r.verdict().passed());
        jsonOut.writeStringField("reason", r.verdict().reason());
        jsonOut.writeArrayFieldStart("details");
        for (String d : r.verdict().details()) {
            jsonOut.writeString(d);
        }
        jsonOut.writeEndArray();
        jsonOut.writeEndObject();
        jsonOut.writeObjectFieldStart("paging");
        jsonOut.writeNumberField("pages", r.read().pages());
        jsonOut.writeNumberField("serverTotal", r.read().serverTotal());
        jsonOut.writeNumberField("duplicatesSkipped", r.read().duplicatesSkipped());
        jsonOut.writeNumberField("filteredOut", r.read().filteredOut());
        jsonOut.writeEndObject();
    }

    private void writeCounts(String name, Map<String, Long> counts) throws IOException {
        jsonOut.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            jsonOut.writeNumberField(e.getKey(), e.getValue());
        }
        jsonOut.writeEndObject();
    }

    private void writeJunit(OutputStream raw, BackupReportResult r) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
        String counts = " tests=\"" + junit.tests() + "\" failures=\"" + junit.failures() + "\" errors=\"0\" skipped=\""
                + junit.skipped() + "\" time=\"" + String.format(Locale.ROOT, "%.3f", junit.seconds()) + "\"";
        String suite = "AvePoint Cloud Backup for Dynamics 365 jobs " + r.windowStart() + " to " + r.windowFinish();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"" + XmlText.escape(suite) + "\"" + counts + ">\n");
        out.write("  <testsuite name=\"" + XmlText.escape(suite) + "\"" + counts + " timestamp=\""
                + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(r.windowFinish().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                + "\">\n");
        out.flush();
        Files.copy(junitTmp, raw);
        out.write("  </testsuite>\n</testsuites>\n");
        out.flush();
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Removes the temporary files; after a failure no partial report is left behind. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            for (Closeable c : new Closeable[] {jsonOut, csvOut, junitOut}) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // closing only to delete
                }
            }
        }
        Files.deleteIfExists(jsonTmp);
        Files.deleteIfExists(csvTmp);
        Files.deleteIfExists(junitTmp);
        if (!finished && madeFolder) {
            try {
                Files.deleteIfExists(dir); // only when empty
            } catch (IOException notEmpty) {
                // something else was put there meanwhile: leave it
            }
        }
    }
}
