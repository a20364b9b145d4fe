package io.jenkins.plugins.iacjobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.job.SubmittedJob;
import io.jenkins.plugins.iacjobs.core.model.JobIds;
import io.jenkins.plugins.iacjobs.core.report.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which folder under {@code <out>/iac-jobs/} holds which job. Each folder keeps a {@code submitted.json}: the
 * system, the remote, the job id and what was submitted (target, plan only, parameters as shown: sensitive values
 * masked). A job goes to {@code <id>/} unless that folder holds another job (Terrakube numbers jobs per server, so a
 * fresh server or another organisation reuses ids); then to {@code <id>-2/}, {@code <id>-3/} … Nothing a run wrote
 * is overwritten by another job's files, and {@code job wait} finds the record its {@code job run} left.
 */
final class JobFolders {
    static final String RECORD = "submitted.json";
    private static final int MAX_TRIES = 1000;

    private final Path root;
    private final ObjectMapper json;

    JobFolders(Path out, ObjectMapper json) {
        this.root = out.resolve("iac-jobs");
        this.json = json;
    }

    /**
     * What a run submitted, kept beside its files.
     *
     * @param remote where the job runs ({@link Where#remote()}: no secret)
     */
    record Record(String system, String remote, String jobId, boolean planOnly, @CheckForNull String targetId,
                  @CheckForNull String targetName, Map<String, String> shownParams) {
        Record {
            shownParams = shownParams == null ? Map.of() : Map.copyOf(shownParams);
        }

        static Record of(String system, String remote, SubmittedJob job) {
            return new Record(system, remote, job.jobId(), job.planOnly(), job.targetId(), job.targetName(), job.shownParams());
        }

        SubmittedJob job() {
            return new SubmittedJob(jobId, null, targetId, targetName, planOnly, shownParams);
        }

        boolean sameJob(String otherSystem, String otherRemote, String otherJobId) {
            return system.equals(otherSystem) && remote.equals(otherRemote) && jobId.equals(otherJobId);
        }
    }

    /**
     * A job's folder.
     *
     * @param name     the folder name under {@code iac-jobs/}
     * @param record   what its record says, or null when it has none yet
     * @param occupied the folder the job would have had, when another job holds it; else null
     */
    record Folder(String name, @CheckForNull Record record, @CheckForNull String occupied) {
    }

    /** The folder of this job: the one whose record names it, else the first free one. Writes nothing. */
    Folder find(String system, String remote, String jobId) {
        String base = JobIds.folderName(jobId);
        for (int i = 1; i <= MAX_TRIES; i++) {
            String name = i == 1 ? base : base + "-" + i;
            Path dir = root.resolve(name);
            if (!Files.exists(dir)) {
                return new Folder(name, null, i == 1 ? null : base);
            }
            Record r = read(dir.resolve(RECORD));
            if (r != null && r.sameJob(system, remote, jobId)) {
                return new Folder(name, r, i == 1 ? null : base);
            }
        }
        throw new ValidationException("--out", root.resolve(base) + " and the " + (MAX_TRIES - 1)
                + " folders after it hold other jobs' files; give another --out");
    }

    /** Keeps the record of a submitted job in its folder, and returns the folder. */
    Folder claim(Record record) {
        Folder f = find(record.system(), record.remote(), record.jobId());
        write(f.name(), record);
        return new Folder(f.name(), record, f.occupied());
    }

    void write(String folder, Record record) {
        Path dir = root.resolve(folder);
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(RECORD), out -> json.writerWithDefaultPrettyPrinter().writeValue(out, record));
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the job's record in " + dir + ": " + e.getMessage(), e);
        }
    }

    @CheckForNull
    private Record read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return json.readValue(file.toFile(), Record.class);
        } catch (IOException | RuntimeException unreadable) {
            return null; // not ours, or damaged: the folder counts as another job's
        }
    }
}
