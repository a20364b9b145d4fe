package io.jenkins.plugins.iacjobs.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonStringFieldTest {
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void decodesEveryEscapeExactlyAsJacksonDoes() throws Exception {
        String value = "line1\nline2\t\"quoted\" back\\slash / ünïcødé 😀 \u0001 end";
        ObjectNode doc = json.createObjectNode().put("id", "42").put("results", value).put("status", "Complete");
        Path file = dir.resolve("job.json");
        Files.writeString(file, json.writeValueAsString(doc));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(JsonStringField.copy(file, "results", out));
        assertEquals(value, out.toString(StandardCharsets.UTF_8));
        ObjectNode rest = JsonStringField.readWithout(file, "results", json);
        assertEquals("42", rest.path("id").asText());
        assertEquals("Complete", rest.path("status").asText());
        assertFalse(rest.has("results"));
    }

    @Test
    void escapedUnicodeAndSurrogatePairsDecode() throws Exception {
        Path file = dir.resolve("job.json");
        Files.writeString(file, "{\"results\":\"caf\\u00e9 \\ud83d\\ude00\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(JsonStringField.copy(file, "results", out));
        assertEquals("café 😀", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAbsentOrNonStringFieldIsReportedAsAbsent() throws Exception {
        Path file = dir.resolve("job.json");
        Files.writeString(file, "{\"results\":null,\"nested\":{\"results\":\"no\"}}");
        assertFalse(JsonStringField.copy(file, "results", OutputStream.nullOutputStream()));
    }

    @Test
    void aLargeStringStreamsThroughWithoutBeingLoaded() throws Exception {
        Path file = dir.resolve("big.json");
        long units = 400_000; // about 20 MB once escaped
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("{\"id\":\"1\",\"results\":\"");
            for (long i = 0; i < units; i++) {
                w.write("{\\\"k\\\":\\\"v\\\"}\\n0123456789abcdefghijklmn");
            }
            w.write("\",\"status\":\"Complete\"}");
        }
        CountingStream counter = new CountingStream();
        assertTrue(JsonStringField.copy(file, "results", counter));
        assertEquals(units * "{\"k\":\"v\"}\n0123456789abcdefghijklmn".length(), counter.count);
        assertEquals("Complete", JsonStringField.readWithout(file, "results", json).path("status").asText());
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
