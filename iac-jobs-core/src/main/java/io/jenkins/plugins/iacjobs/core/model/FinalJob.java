package io.jenkins.plugins.iacjobs.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.plan.Plan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The finished job as the remote describes it, fetched to disk.
 *
 * @param jobJson  the job document as returned, already on disk (it may be large); a results string that is JSON
 *                 is embedded as JSON
 * @param results  writes the job's plan or results to a stream, or null when there are none
 * @param message  the remote's error message, if the job failed
 * @param plan     reads what the job planned (from its results, or from the streamed log), or null
 */
public record FinalJob(@CheckForNull String status, @CheckForNull String message, Path jobJson,
                       @CheckForNull ResultsSource results, @CheckForNull PlanReader plan) {

    public FinalJob(String status, String message, Path jobJson, @CheckForNull ResultsSource results) {
        this(status, message, jobJson, results, null);
    }

    /** Reads the plan; gets the log streamed while watching (ANSI codes and all), or null. */
    @FunctionalInterface
    public interface PlanReader {
        Optional<Plan> read(@CheckForNull Path streamedLog) throws IOException;
    }

    /** Streams results without holding them in memory. Returns false if the job had no results after all. */
    @FunctionalInterface
    public interface ResultsSource {
        boolean writeTo(OutputStream out) throws IOException;
    }
}
