package io.jenkins.plugins.iacjobs.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 3: a plan read from text of any size, with memory bounded whatever the input. The inputs are made
 * on the fly by a {@link Reader}, so only the reader under test could hold them; the assertions are on what it kept.
 */
class TerraformPlanTextTest {

    /** A line longer than any Java string can be (3 G chars), then a resource and the summary: read past, not held. */
    @Test
    void aLineLongerThanAnyStringIsScannedPastAndTheLinesAfterItStillCount() {
        long longLine = 3L * 1024 * 1024 * 1024;
        Reader in = new Generated("  # aws_instance.before will be created\n", Generated.repeat('x', longLine),
                "\n  # aws_instance.after will be created\nPlan: 2 to add, 0 to change, 0 to destroy.\n");
        Plan p = TerraformPlanText.read(in).orElseThrow();
        assertEquals(List.of("+ aws_instance.before", "+ aws_instance.after"), p.shownLines());
        assertEquals(2, p.add());
        assertTrue(p.complete());
    }

    /** A resource line with a 50 M char address: looked at only up to the line cap, never held whole. */
    @Test
    void aResourceLineWithAHugeAddressIsNotHeldWhole() {
        Reader in = new Generated("  # aws_instance.x", Generated.repeat('y', 50L * 1024 * 1024),
                " will be created\nPlan: 1 to add, 0 to change, 0 to destroy.\n");
        Plan p = TerraformPlanText.read(in).orElseThrow();
        assertEquals(1, p.add(), "the summary after it is read");
        int kept = p.resources().stream().mapToInt(r -> r.address() == null ? 0 : r.address().length()).sum();
        assertTrue(kept <= TerraformPlanText.MAX_LINE, "kept " + kept + " chars of the address");
    }

    /** Three million resources and the summary: all counted, a bounded number kept. */
    @Test
    void millionsOfResourcesAreCountedButABoundedNumberIsKept() {
        int n = 3_000_000;
        Reader in = new Generated(Generated.lines(n, i -> "  # aws_instance.web[" + i + "] will be created\n"),
                "Plan: " + n + " to add, 0 to change, 0 to destroy.\n");
        Plan p = TerraformPlanText.read(in).orElseThrow();
        assertEquals(n, p.add());
        assertTrue(p.resources().size() <= Plan.KEPT, "kept " + p.resources().size() + " resources");
        assertEquals(n, p.resourceCount());
        assertFalse(p.listsAll());
        assertEquals("+ aws_instance.web[0]", p.shownLines().get(0));
        assertEquals(Plan.SHOWN, p.shownLines().size());
        assertEquals(n - Plan.SHOWN, p.hiddenCount());
        assertEquals("the first 20 of 3000000 resources", p.shownOfAll());
        assertEquals(Plan.KEPT, p.toMap().get("resources") instanceof List<?> l ? l.size() : -1);
        assertEquals(n, p.toMap().get("resourceCount"));
        assertTrue(p.text().lines().count() < Plan.KEPT + 10, "plan.txt lists what was kept and says how many more");
        assertTrue(p.text().contains("and 2999000 more resources"), p.text().lines().skip(Plan.KEPT).toList().toString());
    }

    /** Without a summary the counts come from every resource seen, not only the kept ones. */
    @Test
    void withoutASummaryEveryResourceIsCountedNotOnlyTheKeptOnes() {
        int n = 2_000_000;
        String[] words = {"will be created", "will be updated in-place", "will be destroyed", "must be replaced"};
        Reader in = new Generated(Generated.lines(n, i -> "  # null_resource.r" + i + " " + words[(int) (i % 4)] + "\r\n"));
        Plan p = TerraformPlanText.read(in).orElseThrow();
        assertFalse(p.complete());
        assertEquals(List.of(n / 2, n / 4, n / 2), List.of(p.add(), p.change(), p.destroy()));
        assertTrue(p.resources().size() <= Plan.KEPT, "kept " + p.resources().size() + " resources");
        assertEquals(n, p.resourceCount());
        assertEquals("null_resource.r0", p.resources().get(0).address(), "a CR before the LF is not part of the address");
    }

    /** A small plan is unchanged: every resource kept and listed. */
    @Test
    void aSmallPlanListsEveryResource() {
        Plan p = TerraformPlanText.read("  # a.b will be created\n  # a.c will be destroyed\nPlan: 1 to add, 0 to change, 1 to destroy.\n")
                .orElseThrow();
        assertTrue(p.listsAll());
        assertEquals(2, p.resourceCount());
        assertEquals("the first 2 of 2 resources", p.shownOfAll());
        assertFalse(p.text().contains("more resources"));
    }

    /** Text made on demand from parts: lines from a function, or one char repeated; nothing of it is held whole. */
    static final class Generated extends Reader {
        private final List<Object> parts;
        private int part = -1;
        private long index;
        private long count;
        private String current = "";
        private int pos;
        private long fillerLeft;
        private char filler;

        Generated(Object... parts) {
            this.parts = List.of(parts);
        }

        /** {@code n} lines made by {@code line}. */
        static Object lines(long n, LongFunction<String> line) {
            return new Lines(n, line);
        }

        /** {@code n} times {@code c}, with no line break. */
        static Object repeat(char c, long n) {
            return new Repeat(c, n);
        }

        private record Lines(long n, LongFunction<String> line) {
        }

        private record Repeat(char c, long n) {
        }

        @Override
        public int read(char[] buf, int off, int len) {
            while (true) {
                if (pos < current.length()) {
                    int n = Math.min(len, current.length() - pos);
                    current.getChars(pos, pos + n, buf, off);
                    pos += n;
                    return n;
                }
                if (fillerLeft > 0) {
                    int n = (int) Math.min(len, fillerLeft);
                    Arrays.fill(buf, off, off + n, filler);
                    fillerLeft -= n;
                    return n;
                }
                if (index < count) {
                    current = ((Lines) parts.get(part)).line().apply(index++);
                    pos = 0;
                    continue;
                }
                if (++part >= parts.size()) {
                    return -1;
                }
                Object p = parts.get(part);
                index = 0;
                count = 0;
                if (p instanceof String text) {
                    current = text;
                    pos = 0;
                } else if (p instanceof Repeat r) {
                    filler = r.c();
                    fillerLeft = r.n();
                } else {
                    count = ((Lines) p).n();
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
