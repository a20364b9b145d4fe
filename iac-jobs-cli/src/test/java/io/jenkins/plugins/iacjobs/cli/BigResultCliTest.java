package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 3: a finished Genesys dry run whose results are far larger than the heap. The CLI runs as a process of
 * its own with a small heap ({@code -Xmx256m} by default), against a loopback server that makes the job's 1.5 GB of
 * results on the fly (a body held in memory would prove nothing), one very long line among them. It must end with its
 * plan read (or one clean {@code error:} line), and leave no {@code .work} folder behind.
 *
 * <p>Sizes: {@code -Diacjobs.bigResult.mb=1536} (the default) and {@code -Diacjobs.bigResult.xmx=256m}.
 */
class BigResultCliTest {
    private static final String ID = "3f1c2a4e-0000-4000-8000-00000000b16b";
    private static final String ACCELERATOR = MockGenesys.ACCELERATOR;
    private static final long RESULTS_BYTES = Long.getLong("iacjobs.bigResult.mb", 1536) * 1024 * 1024;
    private static final String HEAP = System.getProperty("iacjobs.bigResult.xmx", "256m");
    /** One line of this many chars sits among the resources: more than the CLI's heap could hold as a String. */
    private static final long LONG_LINE = Math.min(RESULTS_BYTES / 3, 400L * 1024 * 1024);

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicLong sent = new AtomicLong();
    private volatile long resources;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aResultFarLargerThanTheHeapEndsWithItsPlanAndLeavesNoWorkFolder() throws Exception {
        Map<String, String> env = serve();
        Path out = dir.resolve("out");
        CliProcess cli = CliProcess.start(env, List.of("-Xmx" + HEAP, "-Djava.io.tmpdir=" + tmp()),
                "job", "wait", ID, "--out", out.toString(), "--poll-min", "50ms", "--timeout", "10m");
        int exit = cli.exit(Duration.ofMinutes(10));
        String output = cli.output();
        assertFalse(output.contains("OutOfMemoryError"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        assertEquals(0, exit, output);
        assertTrue(output.contains("Plan: " + resources + " to add, 0 to change, 0 to destroy."), output);
        assertTrue(output.contains("(the first 20 of " + resources + " resources; all are in "), output);
        assertTrue(output.contains("results.txt)"), "the cut plan points at the file that has every resource: " + output);
        assertNoWorkFolder(out);
        Path folder = out.resolve("iac-jobs").resolve(ID);
        Path results = folder.resolve("results.txt");
        assertTrue(Files.size(results) > LONG_LINE, "the results are kept whole");
        assertTrue(tail(results).endsWith("Plan: " + resources + " to add, 0 to change, 0 to destroy.\n"), "the results are kept whole");
        String planText = Files.readString(folder.resolve("plan.txt"));
        assertTrue(planText.contains("more resources"), "plan.txt says it lists only the first ones");
        assertTrue(isEmpty(tmp()), "the CLI's temporary log is gone too");
    }

    /** SIGTERM while the results stream in: the stop hook removes {@code .work} and what it held. */
    @Test
    void aStopWhileTheResultsDownloadLeavesNoWorkFolder() throws Exception {
        Map<String, String> env = serve();
        Path out = dir.resolve("out");
        CliProcess cli = CliProcess.start(env, List.of("-Xmx" + HEAP, "-Djava.io.tmpdir=" + tmp()),
                "job", "wait", ID, "--out", out.toString(), "--poll-min", "50ms", "--timeout", "10m");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (sent.get() < 64L * 1024 * 1024 && cli.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(cli.isAlive(), cli.output());
        cli.terminate();
        int exit = cli.exit(Duration.ofMinutes(2));
        assertEquals(143, exit, cli.output());
        assertFalse(cli.output().contains("\tat "), cli.output());
        assertNoWorkFolder(out);
        assertTrue(isEmpty(tmp()), "the CLI's temporary log is gone too");
    }

    /** The last 200 bytes of a file, without reading the rest. */
    private static String tail(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel c = Files.newByteChannel(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(200);
            c.position(Math.max(0, c.size() - 200));
            while (b.hasRemaining() && c.read(b) > 0) {
                // reads to the end
            }
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
        }
    }

    private Path tmp() throws IOException {
        return Files.createDirectories(dir.resolve("tmp"));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    static void assertNoWorkFolder(Path out) throws IOException {
        Path work = out.resolve("iac-jobs").resolve(".work");
        if (Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                throw new AssertionError(".work is left behind with " + s.map(p -> p + " (" + size(p) + " bytes)").toList());
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A Genesys Cloud on loopback: a token, the accelerator, the job (Complete), and its details made on the fly. */
    private Map<String, String> serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        return Map.of("IACJOBS_BASE_URL", base, "IACJOBS_CLIENT_ID", "id", "IACJOBS_CLIENT_SECRET", "s3cret");
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String query = x.getRequestURI().getRawQuery();
            if (path.startsWith("/oauth/token")) {
                small(x, "{\"access_token\":\"t0k3n\",\"token_type\":\"bearer\",\"expires_in\":3600}");
            } else if (path.startsWith("/api/v2/infrastructureascode/accelerators/")) {
                small(x, "{\"id\":\"" + ACCELERATOR + "\",\"name\":\"Simple IVR\"}");
            } else if (query != null && query.contains("details=true")) {
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(200, 0); // chunked: made as it goes
                try (OutputStream body = x.getResponseBody()) {
                    streamJob(body);
                } catch (IOException clientGone) {
                    // the stop test ends the CLI mid-body
                }
            } else {
                small(x, jobHead() + "}");
            }
        }
    }

    private static void small(HttpExchange x, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
    }

    private static String jobHead() {
        return "{\"id\":\"" + ID + "\",\"dryRun\":true,\"acceleratorId\":\"" + ACCELERATOR + "\",\"status\":\"Complete\""
                + ",\"dateSubmitted\":\"2026-12-04T10:00:00.000Z\"";
    }

    /**
     * The job with {@code results}: Terraform's text as a JSON string, resource lines (a third before the long line, the
     * rest after it) up to {@link #RESULTS_BYTES}, then the summary.
     */
    private void streamJob(OutputStream body) throws IOException {
        Counting out = new Counting(body);
        out.write((jobHead() + ",\"results\":\"Terraform will perform the following actions:\\n\\n").getBytes(StandardCharsets.US_ASCII));
        long before = (RESULTS_BYTES - LONG_LINE) / 3;
        long n = 0;
        StringBuilder chunk = new StringBuilder(1 << 17);
        while (out.count < before) {
            n = resourceLines(out, chunk, n);
        }
        byte[] filler = new byte[1 << 16];
        java.util.Arrays.fill(filler, (byte) 'x');
        for (long left = LONG_LINE; left > 0; left -= filler.length) {
            out.write(filler, 0, (int) Math.min(filler.length, left));
        }
        out.write("\\n".getBytes(StandardCharsets.US_ASCII));
        while (out.count < RESULTS_BYTES) {
            n = resourceLines(out, chunk, n);
        }
        resources = n;
        out.write(("\\nPlan: " + n + " to add, 0 to change, 0 to destroy.\\n\"}").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** About 64 KB of {@code   # aws_instance.web[i] will be created} lines, JSON-escaped. */
    private static long resourceLines(Counting out, StringBuilder chunk, long from) throws IOException {
        chunk.setLength(0);
        long i = from;
        while (chunk.length() < 1 << 16) {
            chunk.append("  # aws_instance.web[").append(i++).append("] will be created\\n");
        }
        out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
        return i;
    }

    /** Counts what the server sent, so the stop test can stop the CLI mid-download. */
    private final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
            sent.addAndGet(len);
        }
    }
}
