package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Reads a written report back the way its consumers would: a CSV parser, an XML parser, a JSON parser. */
final class ReportFiles {
    final Path dir;

    ReportFiles(Path root) {
        this.dir = root.resolve("backup-report");
    }

    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("jobs.json").toFile());
    }

    Document junit() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
    }

    String summary() throws IOException {
        return Files.readString(dir.resolve("summary.md"));
    }

    /** RFC 4180 records, header included; quoted cells may hold commas, quotes and line breaks. */
    List<List<String>> csv() throws IOException {
        String text = Files.readString(dir.resolve("jobs.csv"), StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    String all() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] {"jobs.json", "jobs.csv", "junit.xml", "summary.md"}) {
            b.append(Files.readString(dir.resolve(f), StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
