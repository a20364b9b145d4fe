package io.jenkins.plugins.iacjobs.core.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The finished job as the remote describes it, fetched to disk.
 *
 * @param jobJson  the job document exactly as returned, already on disk (it may be large)
 * @param results  writes the job's plan or results to a stream, or null when there are none
 * @param message  the remote's error message, if the job failed
 */
public record FinalJob(String status, String message, Path jobJson, ResultsSource results) {

    /** Streams results without holding them in memory. Returns false if the job had no results after all. */
    @FunctionalInterface
    public interface ResultsSource {
        boolean writeTo(OutputStream out) throws IOException;
    }
}
