package io.jenkins.plugins.iacjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.steps.IacJobStep;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stapler finds a class's views and help by the class's name, and a Jelly {@code class="…"} attribute names a class
 * as a string: neither is seen by the compiler. When a class moves package and its resources do not, the form or
 * help silently disappears (or the page fails at request time). These rules make such a move fail the build.
 */
class ResourceLayoutTest {

    private static final String ROOT_PACKAGE = "io/jenkins/plugins/iacjobs";
    private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("class=\"(io\\.jenkins\\.plugins\\.iacjobs\\.[\\w.$]+)\"");

    /** Every directory of views or help belongs to a class that exists, so no view is orphaned by a move. */
    @Test
    void everyViewDirectoryBelongsToAClass() throws IOException {
        Path root = resourceRoot();
        List<String> orphans = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root.resolve(ROOT_PACKAGE))) {
            for (Path dir : files.filter(Files::isDirectory).filter(ResourceLayoutTest::holdsViews).toList()) {
                checked++;
                String className = root.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), ".");
                if (!loads(className)) {
                    orphans.add(root.relativize(dir).toString());
                }
            }
        }
        assertTrue(checked >= 10, "found the plugin's view directories under " + root + " (" + checked + ")");
        assertEquals(List.of(), orphans, "view directories whose class does not exist");
    }

    /** Every {@code class="io.jenkins.plugins.iacjobs…"} in a Jelly view names a class that exists. */
    @Test
    void everyClassNamedInAViewExists() throws IOException {
        Path root = resourceRoot();
        List<String> broken = new ArrayList<>();
        int references = 0;
        try (Stream<Path> files = Files.walk(root.resolve(ROOT_PACKAGE))) {
            for (Path jelly : files.filter(f -> f.toString().endsWith(".jelly")).toList()) {
                Matcher m = CLASS_ATTRIBUTE.matcher(Files.readString(jelly, StandardCharsets.UTF_8));
                while (m.find()) {
                    references++;
                    if (!loads(m.group(1))) {
                        broken.add(root.relativize(jelly) + " → " + m.group(1));
                    }
                }
            }
        }
        assertTrue(references >= 1, "found at least the builder's include of the step's form");
        assertEquals(List.of(), broken, "Jelly views naming classes that do not exist");
    }

    private static boolean holdsViews(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.endsWith(".jelly") || n.startsWith("help") && n.endsWith(".html"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean loads(String className) {
        try {
            Class.forName(className, false, ResourceLayoutTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The directory (or build output) that holds the plugin's resources, found from one view we know. */
    private static Path resourceRoot() {
        try {
            Path view = Path.of(IacJobStep.class.getResource("IacJobStep/config.jelly").toURI());
            Path root = view;
            for (int i = 0; i < ROOT_PACKAGE.split("/").length + 3; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
