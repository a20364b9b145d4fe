package io.jenkins.plugins.iacjobs.core.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import java.util.List;
import java.util.Map;

/**
 * Remote text in Markdown that a reader trusts: {@code summary.md} and a pull request's check. No value can add a
 * line, a table row or close a code block early.
 */
public final class Markdown {
    private Markdown() {
    }

    /** One table cell: no control character (a CR or LF from a remote name cannot add lines), no bare pipe. */
    public static String cell(@CheckForNull String s) {
        return s == null ? "" : Printable.of(s).replace("|", "\\|");
    }

    /** One line inside a code block or span: no control character, and no backtick to close it early. */
    public static String code(String s) {
        return Printable.of(s).replace('`', '\'');
    }

    /** A fenced code block of {@code lines}, each made {@link #code}. */
    public static String codeBlock(List<String> lines) {
        StringBuilder b = new StringBuilder("```\n");
        lines.forEach(l -> b.append(code(l)).append('\n'));
        return b.append("```\n").toString();
    }

    /** A two-column table with headings {@code left} and {@code right}, one row per entry. */
    public static String table(String left, String right, Map<String, String> rows) {
        StringBuilder b = new StringBuilder("| ").append(left).append(" | ").append(right).append(" |\n|---|---|\n");
        rows.forEach((k, v) -> b.append("| ").append(cell(k)).append(" | ").append(cell(v)).append(" |\n"));
        return b.toString();
    }
}
