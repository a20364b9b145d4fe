package io.jenkins.plugins.iacjobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.auth.ClientKit;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.watch.JobWatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import okhttp3.OkHttpClient;

/** What every command shares in one process: one HTTP client, one token cache, one watcher. */
public final class CliContext implements AutoCloseable {
    private final OkHttpClient http = HttpClients.create(HttpSettings.defaults().withUserAgent("iacjobs-cli"));
    private final ObjectMapper json = Json.newMapper();
    private final TokenSourceRegistry tokens = new TokenSourceRegistry();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private JobWatcher watcher;
    private String prog;

    private final BufferedReader in;
    private final boolean terminal;

    public CliContext(Map<String, String> env, PrintStream out, PrintStream err) {
        this(env, System.in, System.console() != null, out, err);
    }

    /** @param terminal whether a person is at {@code in}, so the CLI may ask questions there */
    public CliContext(Map<String, String> env, InputStream in, boolean terminal, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.terminal = terminal;
        this.out = out;
        this.err = err;
    }

    /** A line a person typed, or null at the end of the input. */
    public String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    public boolean terminal() {
        return terminal;
    }

    public OkHttpClient http() {
        return http;
    }

    /** The HTTP client, mapper, token cache and clock every command's clients share. */
    public ClientKit kit() {
        return new ClientKit(http, json, tokens, clock);
    }

    public ObjectMapper json() {
        return json;
    }

    public TokenSourceRegistry tokens() {
        return tokens;
    }

    public Clock clock() {
        return clock;
    }

    public String env(String name) {
        return env.get(name);
    }

    /** Set by the {@code ./iacjobs} script to the way it was called, so hints paste as they are. */
    public static final String ENV_PROG = "IACJOBS_PROG";

    /**
     * How this tool was started, for the commands hints print: what {@code ./iacjobs} says it was called as, else
     * {@code java -jar <the jar>} when run from the jar, else {@code iacjobs} (installed on the PATH).
     */
    public synchronized String prog() {
        if (prog == null) {
            prog = startedAs();
        }
        return prog;
    }

    private String startedAs() {
        String given = env(ENV_PROG);
        if (given != null && !given.isBlank()) {
            return Shell.quote(given.strip());
        }
        try {
            var source = CliContext.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                Path name = p.getFileName();
                if (name != null && name.toString().endsWith(".jar")) {
                    return "java -jar " + Shell.quote(p.toString());
                }
            }
        } catch (URISyntaxException | RuntimeException unknown) {
            // fall back to the installed name
        }
        return "iacjobs";
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Prints {@code value} as indented JSON on standard output, for {@code --output json}. */
    public void printJson(Object value) {
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized JobWatcher watcher() {
        if (watcher == null) {
            watcher = JobWatcher.create();
        }
        return watcher;
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
