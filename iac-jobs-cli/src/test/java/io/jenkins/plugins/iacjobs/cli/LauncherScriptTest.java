package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./iacjobs} script a README user runs, as a process: in a copy of the repository layout whose
 * {@code mvnw} stands in for Maven (it prints the colour resets Maven prints on a terminal, then puts a jar in place).
 */
class LauncherScriptTest {
    @TempDir
    Path repo;

    @BeforeEach
    void layOut() throws Exception {
        Files.copy(Path.of("..", "iacjobs"), repo.resolve("iacjobs"));
        for (String src : List.of("iac-jobs-core/src/main", "iac-jobs-sandbox/src/main", "iac-jobs-cli/src/main")) {
            Files.createDirectories(repo.resolve(src));
            Files.writeString(repo.resolve(src).resolve("Source.java"), "// newer than no jar at all\n");
        }
        Path jar = repo.resolve("built.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, IacJobsCommand.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, List.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .stream().map(p -> Path.of(p).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    private void mvnw(String body) throws IOException {
        Path mvnw = repo.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(repo.resolve("iacjobs"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private CliRun script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "./iacjobs"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new CliRun(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theFirstBuildPrintsNoColourCodesAndHintsStartWithTheScript() throws Exception {
        mvnw("printf '\\033[0m\\033[0m\\033[0m\\033[0m'\nmkdir -p iac-jobs-cli/target && cp built.jar iac-jobs-cli/target/iacjobs.jar\n");
        CliRun r = script("job", "run", "--planonly");
        assertFalse(r.all().contains("\u001b"), "no terminal codes: " + r);
        assertTrue(r.err().startsWith("Building the iacjobs CLI (once)...\nerror: Unknown option: '--planonly'"), r.toString());
        assertTrue(r.err().contains("(see: ./iacjobs job run --help)"), "the hint pastes as printed: " + r);
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
    }

    @Test
    void aFailedBuildShowsMavensOutputAndExitsOne() throws Exception {
        mvnw("echo '[ERROR] COMPILATION ERROR : Broken.java'\nexit 1\n");
        CliRun r = script("--version");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("[ERROR] COMPILATION ERROR : Broken.java"), r.toString());
    }
}
