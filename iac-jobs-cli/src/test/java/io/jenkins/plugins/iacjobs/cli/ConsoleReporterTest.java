package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.watch.JobSnapshot;
import io.jenkins.plugins.iacjobs.core.watch.JobState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A remote's status or message with CR, LF or escape codes prints as one line: it cannot forge console lines. */
class ConsoleReporterTest {

    @Test
    void remoteTextCannotAddLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReporter r = new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, Clock.systemUTC(),
                "Genesys Cloud", null);
        r.onStatus(new JobSnapshot("42", "Running\r\nDone: Genesys Cloud job 42 Complete", JobState.RUNNING,
                "msg\n[00:00:00] forged\u001b[2J", null), Instant.now());
        r.note("Submitted 'Evil\nName'");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, out.lines().count(), out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("Done:") || l.startsWith("[00:00:00] forged")), out);
        assertTrue(out.chars().noneMatch(c -> c == 0x1b || c == '\r'), out);
    }
}
