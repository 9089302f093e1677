package io.dharma.infra.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the services' tests find in a real scrape: the names those tests ask a
 * {@code PrometheusScrape} (platform/testing) for, e.g. {@code scrape.sum("dharma_iac_generated_total", ...)}.
 * README's metrics table names these tests; dashboards may use only these names.
 */
final class ScrapedMetricNames {

    private static final Pattern ASKED = Pattern.compile(
            "\\.(?:sum|has|samples)\\(\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"");

    private ScrapedMetricNames() {
    }

    /** Each name with the test classes that assert it. */
    static Map<String, Set<String>> in(Path repository) {
        Map<String, Set<String>> names = new TreeMap<>();
        try {
            Files.walkFileTree(repository, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
                    boolean skipped = name.equals("target") || name.startsWith(".") || name.equals("node_modules")
                            || directory.equals(repository.resolve("infra"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (file.toString().endsWith(".java") && file.toString().contains("/src/test/java/")) {
                        String source = Files.readString(file);
                        if (source.contains("PrometheusScrape")) {
                            Matcher asked = ASKED.matcher(source);
                            while (asked.find()) {
                                names.computeIfAbsent(asked.group(1), name -> new TreeSet<>())
                                        .add(file.getFileName().toString().replace(".java", ""));
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
