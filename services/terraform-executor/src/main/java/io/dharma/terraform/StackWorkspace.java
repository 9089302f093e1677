package io.dharma.terraform;

import io.dharma.executor.ExecutorException;
import io.dharma.executor.GeneratedTerraform;
import io.dharma.executor.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One stack's Terraform working directory, {@code <workDir>/stacks/<blueprintId>} (mode 0700):
 * {@code config/} holds the generated HCL files exactly as the generator published them plus
 * {@code dharma_override.tf} (the pg backend and, for an emulator, the provider's endpoints: an
 * override file, so what users download is what ran); {@code plans/} holds plan files until they
 * are applied or discarded. No state is kept here: it lives in PostgreSQL.
 */
final class StackWorkspace {

    /** The generator publishes both syntaxes of one configuration; the HCL one is applied. */
    static final String HCL_FOLDER = "hcl/";
    static final String OVERRIDE_FILE = "dharma_override.tf";
    private static final String CONTENT_MARKER = ".dharma-content";

    private final Path root;

    StackWorkspace(Path stacksDir, Stack stack) {
        this.root = stacksDir.resolve(stack.blueprintId());
    }

    Path configDir() {
        return root.resolve("config");
    }

    Path plansDir() {
        return root.resolve("plans");
    }

    /** A new plan file's path (the file itself is written by terraform plan). */
    Path newPlanFile(String kind) {
        return plansDir().resolve(kind + "-" + UUID.randomUUID() + ".tfplan");
    }

    /**
     * Makes {@code config/} hold exactly {@code terraform}'s HCL files and the override; true when
     * anything changed (terraform init must run again).
     */
    boolean write(GeneratedTerraform terraform, String override) throws ExecutorException {
        String marker = terraform.contentHash() + "\n" + override;
        try {
            createPrivate(root);
            createPrivate(configDir());
            createPrivate(plansDir());
            Path markerFile = root.resolve(CONTENT_MARKER);
            if (Files.exists(markerFile) && Files.readString(markerFile).equals(marker)
                    && Files.isDirectory(configDir().resolve(".terraform"))) {
                return false;
            }
            try (Stream<Path> old = Files.list(configDir())) {
                for (Path file : old.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
            List<GeneratedTerraform.File> files = hclFiles(terraform);
            if (files.isEmpty()) {
                throw ExecutorException.permanentFailure(null, "the generated Terraform " + terraform.contentHash()
                        + " has no HCL files (expected them under " + HCL_FOLDER + ")");
            }
            for (GeneratedTerraform.File file : files) {
                Path target = configDir().resolve(file.path().substring(HCL_FOLDER.length())).normalize();
                if (!target.getParent().equals(configDir())) {
                    throw ExecutorException.permanentFailure(null, "generated file " + file.path() + " is not a top-level file");
                }
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
            Files.writeString(configDir().resolve(OVERRIDE_FILE), override, StandardCharsets.UTF_8);
            Files.writeString(markerFile, marker, StandardCharsets.UTF_8);
            Files.deleteIfExists(root.resolve(".initialized"));
            return true;
        } catch (IOException e) {
            throw ExecutorException.transientFailure(null, "cannot write the workspace " + root + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the content marker, so the next run writes the files and initialises again. */
    void invalidate() {
        try {
            Files.deleteIfExists(root.resolve(CONTENT_MARKER));
        } catch (IOException e) {
            // the next write rewrites everything anyway when the marker cannot be read
        }
    }

    static List<GeneratedTerraform.File> hclFiles(GeneratedTerraform terraform) {
        return terraform.files().stream()
                .filter(file -> file.path().startsWith(HCL_FOLDER) && file.path().endsWith(".tf"))
                .toList();
    }

    static void createPrivate(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a plan file left behind is removed when the executor starts next
        }
    }
}
