package io.jenkins.plugins.iacjobs.run;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.util.BuildListenerAdapter;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Files a run leaves with the build: archived from a controller-side folder, then that folder deleted. */
@Restricted(NoExternalUse.class)
public final class RunArtifacts {

    private static final Logger LOGGER = Logger.getLogger(RunArtifacts.class.getName());

    private RunArtifacts() {
    }

    /** Archives {@code files} (paths relative to {@code root}) and says so in the build log under {@code folder}. */
    public static void archive(Run<?, ?> run, TaskListener listener, Path root, List<String> files, String folder)
            throws IOException, InterruptedException {
        Map<String, String> artifacts = files.stream().collect(Collectors.toMap(f -> f, f -> f, (a, b) -> a, LinkedHashMap::new));
        // pickArtifactManager, not getArtifactManager: the first archiving call must choose the configured manager.
        run.pickArtifactManager().archive(new FilePath(root.toFile()), new Launcher.LocalLauncher(listener),
                new BuildListenerAdapter(listener), artifacts);
        listener.getLogger().println("[IaC Jobs] " + Messages.RunArtifacts_archived(files.size(), folder));
    }

    public static void deleteQuietly(Path dir) {
        try {
            new FilePath(dir.toFile()).deleteRecursive();
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "could not delete " + dir, e);
        }
    }
}
