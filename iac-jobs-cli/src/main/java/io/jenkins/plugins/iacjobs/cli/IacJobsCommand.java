package io.jenkins.plugins.iacjobs.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.Similarity;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code iacjobs}: run infrastructure-as-code jobs from a shell or any CI system. */
@Command(name = "iacjobs", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run Genesys Cloud IaC jobs (and more) from a shell, with live status and archived evidence.",
        subcommands = {JobCommand.class, AcceleratorsCommand.class, BackupReportCommand.class, SandboxCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 remote job failed, 2 usage or validation error, 3 authentication error,",
                "4 timeout, 5 remote error or unreachable, 130 interrupted. See docs/cli.md."})
public final class IacJobsCommand {

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err, args));
    }

    /** Runs a command line and returns its exit code; for tests and embedding. */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
        return run(new CliContext(env, out, err), out, err, args);
    }

    /** With the answers a person would type at {@code in}, for tests of the questions the CLI asks. */
    public static int run(Map<String, String> env, InputStream in, boolean terminal, PrintStream out, PrintStream err,
                          String... args) {
        return run(new CliContext(env, in, terminal, out, err), out, err, args);
    }

    /** Picocli's text goes through the stream's own encoding, as everything else the CLI prints does. */
    private static PrintWriter writerOn(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                stream.print(new String(chars, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    private static int run(CliContext context, PrintStream out, PrintStream err, String... args) {
        return run(context, out, err, List.of(), args);
    }

    /** @param more commands to add beside the built-in ones (embedding, and the test of the exit code for a bug) */
    static int run(CliContext context, PrintStream out, PrintStream err, List<Object> more, String... args) {
        try (CliContext ctx = context) {
            CommandLine cl = new CommandLine(new IacJobsCommand(), new ContextFactory(ctx));
            more.forEach(cl::addSubcommand);
            cl.setOut(writerOn(out));
            cl.setErr(writerOn(err));
            cl.setParameterExceptionHandler((ex, ignored) -> {
                // One line, as for every other error; the usage is one --help away.
                String secret = ex instanceof CommandLine.UnmatchedArgumentException u ? secretFlag(u.getUnmatched()) : null;
                if (secret != null) {
                    err.println("error: " + secret);
                    return ExitCodes.USAGE;
                }
                String suggestion = ex instanceof CommandLine.UnmatchedArgumentException u ? didYouMean(u) : "";
                err.println("error: " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ") + suggestion
                        + " (see: " + ctx.prog() + ex.getCommandLine().getCommandSpec().qualifiedName().substring("iacjobs".length())
                        + " --help)");
                return ExitCodes.USAGE;
            });
            cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                // Messages carry remote text (a job's error, a name, a body): printable, so it cannot move the cursor,
                // clear the screen or forge a line.
                if (ex instanceof ValidationException e) {
                    err.println("error: " + Printable.of(FlagNames.message(e)));
                    return ExitCodes.USAGE;
                }
                if (ex instanceof IacJobsException e) {
                    err.println("error: " + Printable.of(e.getMessage()));
                    return ExitCodes.of(e);
                }
                if (ex instanceof UncheckedIOException e) {
                    err.println("error: " + Printable.of(e.getMessage()));
                    return ExitCodes.REMOTE_ERROR;
                }
                err.println("internal error: " + Printable.of(String.valueOf(ex)) + " (please report this at the project's issue tracker)");
                return ExitCodes.INTERNAL;
            });
            try {
                return cl.execute(args);
            } catch (OutOfMemoryError e) {
                // Results and logs are streamed with bounded memory; should something still exhaust the heap, one line
                // that says what to do, not a stack trace (the run's finally blocks have deleted its temporary files).
                err.println("error: iacjobs ran out of memory (at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MB of heap); give it more with JAVA_TOOL_OPTIONS=-Xmx1g, and please report this at the project's issue tracker");
                return ExitCodes.INTERNAL;
            }
        }
    }

    /** Secrets are read from the environment only; a flag for one gets the variable to set, not "unknown option". */
    private static final Map<String, String> SECRET_FLAGS = Map.of(
            "--client-secret", GenesysOptions.ENV_CLIENT_SECRET + " (Genesys Cloud) or " + AvePointOptions.SECRET_VARIABLE
                    + " (AvePoint)",
            "--secret", GenesysOptions.ENV_CLIENT_SECRET,
            "--token", TerrakubeOptions.ENV_TOKEN,
            "--terrakube-token", TerrakubeOptions.ENV_TOKEN,
            "--password", AvePointOptions.CERTIFICATE_PASSWORD_VARIABLE,
            "--certificate-password", AvePointOptions.CERTIFICATE_PASSWORD_VARIABLE);

    /** The closest of picocli's suggestions: {@code --planonly} is nearer {@code --plan-only} than {@code --plan-only-template}. */
    private static String didYouMean(CommandLine.UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        if (u.getSuggestions().isEmpty() || unmatched.isEmpty()) {
            return "";
        }
        String typed = unmatched.get(0);
        String nearest = u.getSuggestions().stream()
                .min(Comparator.comparingInt((String s) -> Similarity.distance(s, typed))).orElseThrow();
        return "; did you mean " + nearest + "?";
    }

    @CheckForNull
    private static String secretFlag(List<String> unmatched) {
        for (String arg : unmatched) {
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String variable = SECRET_FLAGS.get(flag);
            if (variable != null) {
                return flag + ": secrets are never flags (a flag lands in shell history and in ps); export " + variable
                        + " instead";
            }
        }
        return null;
    }

    /** Gives every command the shared {@link CliContext}. */
    private record ContextFactory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
