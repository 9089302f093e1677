package io.dharma.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Cloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated files as Terraform itself sees them, where a {@code terraform} binary is on the
 * PATH: {@code terraform fmt -check} over every configuration (Terraform's own parser, and the
 * layout the HCL renderer promises). With {@code -Ddharma.terraform.validate=true} and a local
 * provider mirror holding hashicorp/aws ({@code -Ddharma.terraform.plugin-dir}, default
 * {@code /opt/tf-plugins}), every AWS configuration is also run through {@code terraform validate}
 * against the real provider schema, in both syntaxes (slow: about five seconds each).
 */
@EnabledIf("terraformAvailable")
class TerraformCliTest {

    private static final Path PLUGIN_DIR = Path.of(System.getProperty("dharma.terraform.plugin-dir", "/opt/tf-plugins"));

    static boolean terraformAvailable() {
        try {
            return run(Path.of("."), List.of("terraform", "version")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void everyConfigurationIsFormattedAsTerraformFmtWouldFormatIt(@TempDir Path dir) throws IOException {
        for (GeneratedConfigurations.Named generated : GeneratedConfigurations.all()) {
            write(dir.resolve(generated.name()), generated.configuration(), TerraformGenerator.HCL_FOLDER);
        }

        Result fmt = run(dir, List.of("terraform", "fmt", "-check", "-recursive", "-diff", "-no-color", "."));

        assertThat(fmt.exitCode()).as(fmt.output()).isZero();
    }

    @Test
    @EnabledIfSystemProperty(named = "dharma.terraform.validate", matches = "true")
    void everyAwsConfigurationValidatesAgainstTheAwsProvider(@TempDir Path dir) throws IOException {
        assertThat(PLUGIN_DIR.resolve("registry.terraform.io/hashicorp/aws")).as("provider mirror").isDirectory();
        List<GeneratedConfigurations.Named> aws = GeneratedConfigurations.all().stream()
                .filter(generated -> generated.configuration().cloud() == Cloud.AWS).toList();
        write(dir, aws.getFirst().configuration(), TerraformGenerator.HCL_FOLDER);
        Result init = run(dir, List.of("terraform", "init", "-backend=false", "-input=false", "-no-color",
                "-plugin-dir=" + PLUGIN_DIR));
        assertThat(init.exitCode()).as(init.output()).isZero();

        List<String> failures = new ArrayList<>();
        for (GeneratedConfigurations.Named generated : aws) {
            for (String folder : List.of(TerraformGenerator.HCL_FOLDER, TerraformGenerator.JSON_FOLDER)) {
                clear(dir);
                write(dir, generated.configuration(), folder);
                Result validate = run(dir, List.of("terraform", "validate", "-no-color"));
                if (validate.exitCode() != 0) {
                    failures.add(generated.name() + "/" + folder + "\n" + validate.output());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void write(Path dir, TerraformConfiguration configuration, String folder) throws IOException {
        Files.createDirectories(dir);
        for (GeneratedFile file : configuration.files()) {
            if (file.path().startsWith(folder)) {
                Files.writeString(dir.resolve(file.path().substring(folder.length())), file.content(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Removes the configuration files, keeping the initialised .terraform folder and lock file. */
    private static void clear(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".tf") || path.toString().endsWith(".tf.json")).toList()) {
                Files.delete(file);
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
