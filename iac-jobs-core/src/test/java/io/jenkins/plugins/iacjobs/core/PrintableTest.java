package io.jenkins.plugins.iacjobs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.iacjobs.core.plan.Ansi;
import io.jenkins.plugins.iacjobs.core.plan.PlannedChange;
import io.jenkins.plugins.iacjobs.core.report.JobReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20, item 4: one sanitiser for remote text, applied where the models are made and where logs are shown. */
class PrintableTest {

    @Test
    void oneLineTurnsEveryControlCharacterIntoAQuestionMark() {
        assertEquals("boom??FAKE?[2J?", Printable.of("boom\r\nFAKE\u001b[2J\u0007"));
        assertEquals("a?b", Printable.of("a\u2028b"));
        assertEquals("null", Printable.of(null));
        assertNull(Printable.orNull(null));
    }

    @Test
    void logLinesKeepTheirBreaksAndTabsAndNothingElse() {
        assertEquals("one\ntwo\tcol\n?three\n", Printable.lines("one\r\ntwo\tcol\n\u0007three\r\n", false));
        assertEquals("a?b\n", Printable.lines("a\rb\n", false), "a lone CR would overwrite the line");
        assertEquals("\u001b[31mred\u001b[0m\n", Printable.lines("\u001b[31mred\u001b[0m\n", true));
    }

    @Test
    void aLogShownWithoutColoursKeepsNoEscapeAndWithColoursNoOtherControl() {
        String hostile = "ok \u001b[32mgreen\u001b[0m \u001b]0;title\u0007 bell\u0007\r\nnext\n";
        assertEquals("ok green 0;title? bell?\nnext\n", Ansi.shown(hostile, false));
        assertEquals("ok \u001b[32mgreen\u001b[0m 0;title? bell?\nnext\n", Ansi.shown(hostile, true));
        assertEquals("cleared? done\n", Ansi.shown("cleared\u001b[2J\u001b[H\u0007 done\n", true), "only colours are kept");
    }

    @Test
    void theModelsEveryFrontEndReadsHoldOnlyPrintableRemoteText() {
        JobReport report = new JobReport("Genesys Cloud", "c", "id", "Simple\r\nIVR", "acc\u001b", false, Map.of(),
                "Failed\u0007", false, "boom\r\nFAKE", null, null, null);
        assertEquals("Simple??IVR", report.targetName());
        assertEquals("acc?", report.targetId());
        assertEquals("Failed?", report.status());
        assertEquals("boom??FAKE", report.message());
        assertNull(new JobReport("s", "c", "id", null, null, false, Map.of(), null, false, null, null, null, null).message());
        PlannedChange change = PlannedChange.of(PlannedChange.Action.CREATE, "genesyscloud_flow.In\u001b]0;x\u0007");
        assertEquals("+ genesyscloud_flow.In?]0;x?", change.line());
        assertEquals("In?]0;x?", change.name());
    }
}
