package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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
        try (CliContext ctx = context) {
            CommandLine cl = new CommandLine(new IacJobsCommand(), new ContextFactory(ctx));
            cl.setOut(writerOn(out));
            cl.setErr(writerOn(err));
            cl.setParameterExceptionHandler((ex, ignored) -> {
                // One line, as for every other error; the usage is one --help away.
                err.println("error: " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ")
                        + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
                return ExitCodes.USAGE;
            });
            cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                if (ex instanceof IacJobsException e) {
                    err.println("error: " + e.getMessage());
                    return ExitCodes.of(e);
                }
                if (ex instanceof UncheckedIOException e) {
                    err.println("error: " + e.getMessage());
                    return ExitCodes.REMOTE_ERROR;
                }
                err.println("internal error: " + ex + " (please report this at the project's issue tracker)");
                return 70;
            });
            return cl.execute(args);
        }
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
