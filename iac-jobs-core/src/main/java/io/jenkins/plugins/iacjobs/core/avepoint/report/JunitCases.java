package io.jenkins.plugins.iacjobs.core.avepoint.report;

import io.jenkins.plugins.iacjobs.core.avepoint.BackupJob;
import io.jenkins.plugins.iacjobs.core.avepoint.FailOn;
import io.jenkins.plugins.iacjobs.core.avepoint.JobStatus;
import io.jenkins.plugins.iacjobs.core.avepoint.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * One JUnit {@code <testcase>} per job, in the layout the Jenkins JUnit plugin reads: {@code classname}
 * {@code <organisation>.<module>} (the plugin shows it as package and class) and {@code name} the job id, plus one
 * for the gate. The file follows the gate the user chose, so a JUnit publisher never judges the build against
 * another one:
 * <ul>
 *   <li>a job is a failure only when the gate counts it: failed jobs under {@code failOn: failed}, failed and
 *       finished-with-exception jobs under {@code unsuccessful}; under {@code never} and {@code stale} no job is a
 *       failure, and an unsuccessful job's counts are in its {@code system-out};</li>
 *   <li>the {@code gate} test case fails exactly when the verdict fails, with the verdict as its message, so a
 *       stale organisation or an organisation without jobs fails the test report too;</li>
 *   <li>in-progress jobs (and undocumented statuses) are skipped.</li>
 * </ul>
 */
final class JunitCases {
    private final FailOn gate;
    private long tests;
    private long failures;
    private long skipped;
    private double seconds;

    JunitCases(FailOn gate) {
        this.gate = gate;
    }

    void write(Writer out, BackupJob job) throws IOException {
        tests++;
        double time = job.durationHours() == null || !(job.durationHours() >= 0) ? 0 : job.durationHours() * 3600;
        seconds += time;
        out.write("    <testcase classname=\"");
        out.write(XmlText.escape(dotless(job.organizationLabel()) + "." + dotless(job.module() == null ? "unknown" : job.module())));
        out.write("\" name=\"");
        out.write(XmlText.escape(job.jobId() == null ? "(no job id)" : job.jobId()));
        out.write("\" time=\"" + String.format(Locale.ROOT, "%.3f", time) + "\"");
        JobStatus s = job.jobStatus();
        boolean unsuccessful = s == JobStatus.FAILED || s == JobStatus.FINISHED_WITH_EXCEPTION;
        if (unsuccessful && judged(s)) {
            failures++;
            out.write(">\n      <failure type=\"" + s.label() + "\" message=\"");
            out.write(XmlText.escape(counts(job)));
            out.write("\">");
            out.write(XmlText.escape(details(job)));
            out.write("</failure>\n    </testcase>\n");
        } else if (unsuccessful) {
            out.write(">\n      <system-out>");
            out.write(XmlText.escape(counts(job) + " (not judged: failOn " + gate.label() + ")\n" + details(job)));
            out.write("</system-out>\n    </testcase>\n");
        } else if (s == JobStatus.IN_PROGRESS || s == null) {
            skipped++;
            out.write(">\n      <skipped message=\"");
            out.write(XmlText.escape(s == null ? job.statusLabel() + " (undocumented status)" : "in progress"));
            out.write("\"/>\n    </testcase>\n");
        } else {
            out.write("/>\n");
        }
    }

    /** Whether the gate counts a job of this status against the build. */
    private boolean judged(JobStatus s) {
        return gate == FailOn.UNSUCCESSFUL || (gate == FailOn.FAILED && s == JobStatus.FAILED);
    }

    /** The gate's own test case: it fails exactly when the verdict does. */
    void writeGate(Writer out, Verdict verdict) throws IOException {
        tests++;
        String text = verdict.reason() + (verdict.details().isEmpty() ? "" : "\n" + String.join("\n", verdict.details()));
        out.write("    <testcase classname=\"gate\" name=\"");
        out.write(XmlText.escape("failOn " + gate.label()));
        out.write("\" time=\"0.000\">\n");
        if (verdict.passed()) {
            out.write("      <system-out>" + XmlText.escape(text) + "</system-out>\n");
        } else {
            failures++;
            out.write("      <failure type=\"verdict\" message=\"" + XmlText.escape(verdict.reason()) + "\">");
            out.write(XmlText.escape(text));
            out.write("</failure>\n");
        }
        out.write("    </testcase>\n");
    }

    private static String counts(BackupJob job) {
        return job.statusLabel() + ": " + job.failedEntity() + " of " + job.totalEntity() + " entities and "
                + job.failedRecord() + " of " + job.totalRecord() + " records failed";
    }

    /** Every count, so the test report alone explains the failure. */
    static String details(BackupJob j) {
        return "organisation " + j.organizationLabel() + " (" + j.organizationId() + ")\n"
                + "module " + j.module() + ", type " + j.typeLabel() + ", job " + j.jobId() + "\n"
                + "started " + j.startTime() + ", finished " + j.finishTime() + "\n"
                + "entities: " + j.successfulEntity() + " successful, " + j.failedEntity() + " failed, " + j.skippedEntity()
                + " skipped, " + j.warningEntity() + " warning, " + j.totalEntity() + " total\n"
                + "records: " + j.successfulRecord() + " successful, " + j.failedRecord() + " failed, " + j.skippedRecord()
                + " skipped, " + j.warningRecord() + " warning, " + j.totalRecord() + " total\n";
    }

    /** Dots would split a name across the plugin's package/class levels. */
    private static String dotless(String s) {
        return s.replace('.', '_');
    }

    long tests() {
        return tests;
    }

    long failures() {
        return failures;
    }

    long skipped() {
        return skipped;
    }

    double seconds() {
        return seconds;
    }
}
