package io.jenkins.plugins.iacjobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: a log cursor move is no longer saved on its own (each save wakes the build's CPS VM), so after a hard crash
 * the remote sends again what came after the last save. The streamed file already holds it and the build log shows
 * its whole lines: nothing may be kept or shown twice, however the remote cuts its chunks this time.
 */
class StreamedLogReplayTest {
    private static final String JOB = "42";

    @TempDir
    Path build;

    private final ByteArrayOutputStream buildLog = new ByteArrayOutputStream(); // one build log across both processes

    private StreamedLog process() {
        return new StreamedLog(build, JOB, new PrintStream(buildLog, true, StandardCharsets.UTF_8), false);
    }

    private String shown() {
        return buildLog.toString(StandardCharsets.UTF_8);
    }

    @Test
    void whatCameAfterTheLastSaveIsNeitherKeptNorShownTwice() throws Exception {
        StreamedLog before = process();
        before.append("line1\nli");
        String savedLine = before.pendingLine();
        long savedBytes = before.bytes(); // the last save: cursor, unfinished line, file length
        before.append("ne2\nline3\npa"); // streamed, kept and shown, never saved: then kill -9

        StreamedLog after = process();
        after.restore(savedLine, savedBytes);
        for (String chunk : new String[] {"n", "e2\nline3", "\npartial-", "end\nline4\n"}) { // again from the saved cursor
            after.append(chunk);
        }
        after.flush();
        assertEquals("line1\nline2\nline3\npartial-end\nline4\n", shown());
        assertEquals("line1\nline2\nline3\npartial-end\nline4\n", Files.readString(after.file()));
    }

    @Test
    void aSecondCrashInTheMiddleOfTheMatchingStillRepeatsNothing() throws Exception {
        StreamedLog first = process();
        first.append("a1\n");
        String line0 = first.pendingLine();
        long bytes0 = first.bytes();
        first.append("b2\nc3\nd4\n");

        StreamedLog second = process();
        second.restore(line0, bytes0);
        second.append("b2\nc"); // a status change saves here, halfway through what was kept
        String line1 = second.pendingLine();
        long bytes1 = second.bytes();
        assertEquals("c", line1);
        assertEquals(bytes0 + "b2\nc".length(), bytes1);

        StreamedLog third = process();
        third.restore(line1, bytes1);
        third.append("3\nd4\ne5\n");
        assertEquals("a1\nb2\nc3\nd4\ne5\n", shown());
        assertEquals("a1\nb2\nc3\nd4\ne5\n", Files.readString(third.file()));
    }

    @Test
    void aRemoteLogThatWentAnotherWayIsWrittenAnewAfterWhatMatched() throws Exception {
        StreamedLog before = process();
        before.append("x1\n");
        String savedLine = before.pendingLine();
        long savedBytes = before.bytes();
        before.append("y2\nz3\n");

        StreamedLog after = process();
        after.restore(savedLine, savedBytes);
        after.append("y2\nQ9\n"); // the server rewrote its log after y2
        assertEquals("x1\ny2\nQ9\n", Files.readString(after.file()), "the file holds the remote's log as it is now");
        assertEquals("x1\ny2\nz3\nQ9\n", shown(), "the build log cannot take back z3; Q9 is shown once");
    }

    @Test
    void afterACleanShutdownThereIsNothingToMatch() throws Exception {
        StreamedLog before = process();
        before.append("one\ntw");
        String savedLine = before.pendingLine();
        long savedBytes = before.bytes(); // saved at shutdown, with everything

        StreamedLog after = process();
        after.restore(savedLine, savedBytes);
        after.append("o\nthree\n");
        assertEquals("one\ntwo\nthree\n", shown());
        assertEquals("one\ntwo\nthree\n", Files.readString(after.file()));
    }
}
