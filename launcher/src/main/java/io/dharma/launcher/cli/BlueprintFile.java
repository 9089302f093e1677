package io.dharma.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.Parameters;

/** {@code FILE} of {@code plan} and {@code submit}: a blueprint document, sent with the media type its name says. */
final class BlueprintFile {

    @Parameters(paramLabel = "FILE", description = "The blueprint document (.yaml/.yml or .json).")
    Path file;

    String contentType() {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "application/yaml";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        throw new CliException("Cannot tell the format of " + file + ": name it .yaml, .yml or .json");
    }

    String read() {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException("No such file: " + file);
        } catch (IOException e) {
            throw new CliException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    Path fileName() {
        return file.getFileName();
    }
}
