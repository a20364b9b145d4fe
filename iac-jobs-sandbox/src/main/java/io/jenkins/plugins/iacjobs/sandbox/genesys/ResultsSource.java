package io.jenkins.plugins.iacjobs.sandbox.genesys;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Produces a job's {@code results} text when a response needs it. It is opened per response and streamed into the
 * HTTP body in chunks, so a results string of hundreds of megabytes never sits in the sandbox's memory.
 */
@FunctionalInterface
public interface ResultsSource {

    Reader open() throws IOException;

    static ResultsSource of(String text) {
        return () -> new StringReader(text);
    }

    /** {@code unit} repeated until {@code totalChars} characters (the last copy cut short). */
    static ResultsSource repeated(String unit, long totalChars) {
        return () -> new RepeatingReader("", unit, "", totalChars, "", -1);
    }

    /** A JSON array text {@code [element,element,…]} of {@code count} copies of {@code elementJson}. */
    static ResultsSource jsonArray(String elementJson, long count) {
        return () -> new RepeatingReader("[", elementJson, ",", -1, "]", count);
    }
}
