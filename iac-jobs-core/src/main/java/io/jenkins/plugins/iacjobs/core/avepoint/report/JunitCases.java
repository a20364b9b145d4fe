package io.jenkins.plugins.iacjobs.core.avepoint.report;

import io.jenkins.plugins.iacjobs.core.avepoint.BackupJob;
import io.jenkins.plugins.iacjobs.core.avepoint.JobStatus;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * One JUnit {@code <testcase>} per job, in the layout the Jenkins JUnit plugin reads: {@code classname}
 * {@code <organisation>.<module>} (the plugin shows it as package and class) and {@code name} the job id.
 * Failed and finished-with-exception jobs are failures whose message carries the entity and record counts;
 * in-progress jobs (and undocumented statuses) are skipped.
 */
final class JunitCases {
    private long tests;
    private long failures;
    private long skipped;
    private double seconds;

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
        if (s == JobStatus.FAILED || s == JobStatus.FINISHED_WITH_EXCEPTION) {
            failures++;
            out.write(">\n      <failure type=\"" + s.label() + "\" message=\"");
            out.write(XmlText.escape(s.label() + ": " + job.failedEntity() + " of " + job.totalEntity() + " entities and "
                    + job.failedRecord() + " of " + job.totalRecord() + " records failed"));
            out.write("\">");
            out.write(XmlText.escape(details(job)));
            out.write("</failure>\n    </testcase>\n");
        } else if (s == JobStatus.IN_PROGRESS || s == null) {
            skipped++;
            out.write(">\n      <skipped message=\"");
            out.write(XmlText.escape(s == null ? job.statusLabel() + " (undocumented status)" : "in progress"));
            out.write("\"/>\n    </testcase>\n");
        } else {
            out.write("/>\n");
        }
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
