package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --out} folder, checked before anything is submitted: a job must never run only to lose its evidence. */
final class OutputFolder {
    private OutputFolder() {
    }

    static void requireWritable(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".iacjobs-write-check-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new ValidationException("--out", "'" + out + "' cannot be written (" + reason(e) + "); give a folder you can write to");
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
