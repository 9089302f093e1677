package io.dharma.launcher;

import io.dharma.terraform.emulator.AwsEmulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the launcher deploys AWS blueprints: with Terraform into an AWS API (one given by
 * {@code --aws-endpoint}, or moto started here by {@code --aws-emulator}), or, without one of
 * those or without terraform on the PATH, into the sandbox. Azure and GCP always go to the
 * sandbox: their providers cannot be reached offline (ADR 0014).
 */
final class AwsDeployments {

    private static final Logger log = LoggerFactory.getLogger(AwsDeployments.class);

    private AwsDeployments() {
    }

    /** The properties that route AWS to Terraform, starting the emulator first if asked to; empty for the sandbox. */
    static Map<String, Object> properties(EmbeddedSettings settings, ShutdownStack started) {
        EmbeddedSettings.Aws aws = settings.aws();
        if (!aws.terraform()) {
            return Map.of();
        }
        if (!AwsEmulator.onPath("terraform")) {
            log.warn("terraform is not on the PATH: AWS blueprints are deployed to the sandbox, not to {}",
                    aws.emulator() ? "the AWS emulator" : aws.endpoint());
            return Map.of();
        }
        String endpoint = aws.endpoint();
        if (aws.emulator()) {
            AwsEmulator emulator = started.push(AwsEmulator.start(settings.home().resolve("aws-emulator"), aws.emulatorPort()));
            endpoint = emulator.endpoint();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("dharma.executor.terraform.enabled", true);
        properties.put("dharma.executor.terraform.work-dir", settings.home().toAbsolutePath().resolve("terraform").toString());
        properties.put("dharma.executor.terraform.aws.endpoint", endpoint);
        if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
            // An emulator takes any credentials; real ones come from the environment when set.
            properties.put("dharma.executor.terraform.aws.access-key-id", "test");
            properties.put("dharma.executor.terraform.aws.secret-access-key", "test");
        }
        properties.put("dharma.orchestrator.executors.aws", "terraform");
        return properties;
    }
}
