package io.dharma.terraform;

import io.dharma.terraform.emulator.AwsEmulator;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Which of the real tools the Terraform tests need this machine lacks (empty: all there). */
final class Tools {

    private Tools() {
    }

    static List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!AwsEmulator.onPath("terraform")) {
            missing.add("terraform (not on the PATH)");
        }
        if (!Files.isDirectory(TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR.resolve("registry.terraform.io/hashicorp/aws"))) {
            missing.add("the hashicorp/aws provider mirror (" + TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR + ")");
        }
        if (!AwsEmulator.onPath(AwsEmulator.COMMAND)) {
            missing.add("moto_server (not on the PATH)");
        }
        return missing;
    }
}
