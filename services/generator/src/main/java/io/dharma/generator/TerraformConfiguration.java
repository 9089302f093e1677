package io.dharma.generator;

import io.dharma.blueprint.Cloud;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Terraform generated for one blueprint: every file sorted by path, every resource address
 * sorted by address, and the content hash over the files.
 */
public record TerraformConfiguration(Cloud cloud, List<GeneratedFile> files, List<ResourceAddress> resources) {

    public TerraformConfiguration {
        Objects.requireNonNull(cloud, "cloud");
        files = files.stream().sorted(Comparator.comparing(GeneratedFile::path)).toList();
        resources = resources.stream().sorted(Comparator.comparing(ResourceAddress::address)).toList();
    }

    public Optional<GeneratedFile> file(String path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst();
    }

    /**
     * {@code sha256:<hex>} over every file in path order: the UTF-8 path, a NUL byte, the UTF-8
     * content, a NUL byte. Equal configurations have equal hashes; renaming a file changes it.
     */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (GeneratedFile file : files) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
