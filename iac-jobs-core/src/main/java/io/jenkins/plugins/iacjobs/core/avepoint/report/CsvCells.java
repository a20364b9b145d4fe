package io.jenkins.plugins.iacjobs.core.avepoint.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * CSV cells that spreadsheets open safely (RFC 4180 quoting). Text starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with an apostrophe so Excel, LibreOffice and Google Sheets show it instead of running
 * it as a formula (OWASP "CSV injection"). Numbers are written by us and never need it.
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static String text(@CheckForNull String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.indexOf(';') >= 0 || !v.equals(v.strip())) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public static String number(@CheckForNull Number n) {
        return n == null ? "" : n.toString();
    }
}
