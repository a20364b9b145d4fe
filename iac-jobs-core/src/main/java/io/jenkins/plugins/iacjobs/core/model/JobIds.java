package io.jenkins.plugins.iacjobs.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.regex.Pattern;

/**
 * Job ids as each system makes them, checked where they enter (a user's {@code jobId}, a remote's answer) before
 * they reach a URL or a file name: Genesys Cloud ids are UUIDs, Terrakube's are integers. A folder or file name
 * is only ever derived from an id that passed here.
 */
public final class JobIds {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    private JobIds() {
    }

    public static boolean isUuid(@CheckForNull String id) {
        return id != null && UUID.matcher(id).matches();
    }

    public static boolean isInteger(@CheckForNull String id) {
        return id != null && INTEGER.matcher(id).matches();
    }

    /** A Genesys Cloud id (job or accelerator): a UUID. */
    public static String requireUuid(String field, String id) {
        if (!isUuid(id)) {
            throw new ValidationException(field, "'" + Printable.of(id) + "' is not a Genesys Cloud id; ids are UUIDs such as"
                    + " 3f1c2a4e-8b7d-4c1e-9a6f-5d2e01a7b101 (copy it from the job's summary or the build log)");
        }
        return id;
    }

    /** A Terrakube job id: a positive integer. */
    public static String requireInteger(String field, String id) {
        if (!isInteger(id)) {
            throw new ValidationException(field, "'" + Printable.of(id) + "' is not a Terrakube job id; job ids are numbers"
                    + " such as 42 (copy it from the job's summary or the build log)");
        }
        return id;
    }

    /** The folder name for a job's files: the id itself, which must be a plain name (no dots, slashes or controls). */
    public static String folderName(String id) {
        if (id == null || !FILE_NAME.matcher(id).matches()) {
            throw new ValidationException("job id", "'" + Printable.of(id) + "' cannot name a folder: only letters, digits,"
                    + " '-' and '_' are allowed, starting with a letter or digit");
        }
        return id;
    }
}
