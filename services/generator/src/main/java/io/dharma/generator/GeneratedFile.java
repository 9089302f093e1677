package io.dharma.generator;

import java.util.Objects;

/** One file of a generated Terraform configuration: its path relative to the configuration root and its text. */
public record GeneratedFile(String path, String content) {

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
