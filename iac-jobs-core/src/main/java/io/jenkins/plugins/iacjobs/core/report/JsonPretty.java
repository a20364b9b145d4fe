package io.jenkins.plugins.iacjobs.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pretty-prints JSON token by token, so a document of any size needs only a buffer of memory. */
public final class JsonPretty {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonPretty() {
    }

    /** Whether the file starts like a JSON object or array. */
    public static boolean looksLikeJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{' || c == '[';
        }
    }

    /** Copies {@code source} to {@code out} indented. Throws {@link JsonProcessingException} if it is not JSON. */
    public static void copy(Path source, OutputStream out) throws IOException {
        try (JsonParser p = FACTORY.createParser(source.toFile());
             JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            while (p.nextToken() != null) {
                g.copyCurrentEvent(p);
            }
            g.writeRaw('\n');
        }
    }
}
