package io.dharma.launcher.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code dharma iac BLUEPRINT [--version N] [--format hcl|json] [--out DIR]}. */
@Command(name = "iac",
        description = {"Shows the Terraform generated for a blueprint version: its files, or with --out the module "
                + "itself, written to a directory where `terraform init` runs."})
public final class IacCommand extends ApiCommand {

    @Parameters(paramLabel = "BLUEPRINT", description = "The blueprint's id.")
    String blueprintId;

    /** Its own {@code --version} (the blueprint's), so no standard {@code -V}: help is declared here. */
    @Option(names = "--version", paramLabel = "N", description = "The blueprint version (default: the latest).")
    Integer version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    OutputFormatOption output;

    @Option(names = "--format", paramLabel = "hcl|json",
            description = "Terraform syntax: lists only its files; with --out, writes its module (default hcl).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the module's files into DIR (created if needed).")
    Path out;

    @Override
    public Integer call() {
        PlatformClient client = api.client();
        int resolved = ResultVersions.resolve(client, blueprintId, version);
        String base = ResultVersions.path(blueprintId, resolved);
        PrintWriter text = out();
        if (out != null) {
            String syntax = format == null ? "hcl" : format;
            int written = unzip(client.bytes(base + "/iac.zip?format=" + syntax), out);
            text.printf("Wrote %d %s files of blueprint %s version %d to %s%n", written, syntax, blueprintId, resolved, out);
            return ExitCodes.OK;
        }
        JsonNode iac = client.get(base + "/iac" + (format == null ? "" : "?format=" + format));
        output.print(text, iac, table -> printTable(iac, resolved, table));
        return "FAILED".equals(iac.path("status").asString()) ? ExitCodes.UNSUCCESSFUL_OUTCOME : ExitCodes.OK;
    }

    private void printTable(JsonNode iac, int resolved, PrintWriter text) {
        text.printf("Blueprint %s version %d on %s: %s%n", blueprintId, resolved, iac.path("cloud").asString(),
                iac.path("status").asString());
        if ("FAILED".equals(iac.path("status").asString())) {
            JsonNode failure = iac.path("failure");
            text.println("  " + failure.path("reason").asString());
            failure.path("errors").forEach(error -> text.printf("  - %s%s%n",
                    error.path("resourceName").isNull() ? "" : error.path("resourceName").asString() + ": ",
                    error.path("message").asString()));
            return;
        }
        text.printf("  %s, generator %s, %d resources%n", iac.path("contentHash").asString(),
                iac.path("generatorVersion").asString("-"), iac.path("resources").size());
        Table files = new Table("PATH", "FORMAT", "BYTES", "SHA256");
        iac.path("files").forEach(file -> files.row(file.path("path").asString(), file.path("format").asString(null),
                file.path("size").asInt(), file.path("sha256").asString()));
        files.print(text);
    }

    /** Writes the zip's entries under {@code directory}; an entry naming a place outside it is refused. */
    static int unzip(byte[] zip, Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        int written = 0;
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            Files.createDirectories(root);
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new CliException("the module names a file outside " + root + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, entries.readAllBytes());
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
