package io.dharma.generator;

import static org.assertj.core.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares generated files with the expected copies under {@code src/test/resources/golden}. A
 * difference fails with a unified diff per file (expected first). Run with
 * {@code -Ddharma.golden.update=true} to rewrite the expected copies from what is generated, then
 * review the change with {@code git diff}.
 */
final class GoldenFiles {

    static final Path ROOT = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("dharma.golden.update");

    private GoldenFiles() {
    }

    /** Asserts that {@code folder} holds exactly {@code files} (path to content), or rewrites it in update mode. */
    static void assertMatches(Path folder, Map<String, String> files) {
        Path expectedRoot = ROOT.resolve(folder);
        if (UPDATE) {
            rewrite(expectedRoot, files);
            return;
        }
        Map<String, String> expected = read(expectedRoot);
        List<String> differences = new ArrayList<>();
        for (String path : new TreeSet<>(union(expected, files))) {
            String want = expected.get(path);
            String got = files.get(path);
            if (want == null) {
                differences.add("+++ " + path + " is generated but has no golden copy");
            } else if (got == null) {
                differences.add("--- " + path + " has a golden copy but is no longer generated");
            } else if (!want.equals(got)) {
                differences.add(unifiedDiff(folder.resolve(path).toString(), want, got));
            }
        }
        if (!differences.isEmpty()) {
            fail("generated files differ from " + expectedRoot + " (rerun with -Ddharma.golden.update=true to accept):\n"
                    + String.join("\n", differences));
        }
    }

    static String unifiedDiff(String name, String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                "expected/" + name, "generated/" + name, before, DiffUtils.diff(before, after), 3);
        return String.join("\n", diff);
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static Map<String, String> read(Path root) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void rewrite(Path root, Map<String, String> files) {
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
