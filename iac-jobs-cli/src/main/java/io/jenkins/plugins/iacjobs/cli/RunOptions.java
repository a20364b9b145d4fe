package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.plan.OnChanges;
import io.jenkins.plugins.iacjobs.core.watch.Durations;
import io.jenkins.plugins.iacjobs.core.watch.PollSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options for waiting on a job and keeping its evidence. */
public final class RunOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", description = "Give up waiting after this long, e.g. 30m or 2h (default: wait until the job ends).")
    String timeout;

    static final String DEFAULT_OUT = "iac-jobs-out";

    @Option(names = "--keep-ansi", description = "Keep the remote log's terminal colours: on the console even when it is not a terminal, and as log.ansi.txt beside log.txt.")
    boolean keepAnsi;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the artifacts (default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_OUT)
    Path out;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text or json (json: the result on stdout, progress on stderr). Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    OutputFormat output;

    @Option(names = "--on-changes", paramLabel = "POLICY", description = "A drift check: what a plan-only job whose plan has changes (or cannot be read) does. ignore (default), unstable (exit 6) or fail (exit 1).")
    String onChanges;

    @Option(names = "--poll-min", paramLabel = "DURATION", description = "Shortest poll interval (default: ${DEFAULT-VALUE}).", defaultValue = "1s")
    String pollMin;

    @Option(names = "--poll-max", paramLabel = "DURATION", description = "Longest poll interval while the job is quiet (default: ${DEFAULT-VALUE}).", defaultValue = "5s")
    String pollMax;

    /** {@code --out DIR} as given, for pasteable hints; empty for the default folder. */
    String outFlag() {
        return out == null || out.toString().equals(DEFAULT_OUT) ? "" : " --out " + Shell.quote(out.toString());
    }

    Duration timeout() {
        return timeout == null ? null : Durations.parseTimeout("--timeout", timeout);
    }

    OnChanges onChanges() {
        return OnChanges.parse("--on-changes", onChanges);
    }

    PollSettings poll() {
        Duration min = Durations.parseBetween("--poll-min", pollMin, Durations.MIN_POLL, Durations.MAX_POLL);
        Duration max = Durations.parseBetween("--poll-max", pollMax, Durations.MIN_POLL, Durations.MAX_POLL);
        if (max.compareTo(min) < 0) {
            throw new ValidationException("--poll-max", "'" + pollMax + "' is shorter than --poll-min '" + pollMin + "'");
        }
        return new PollSettings(min, max, 1.5, Duration.ofSeconds(30));
    }

    /** Output formats. */
    public enum OutputFormat { text, json }
}
