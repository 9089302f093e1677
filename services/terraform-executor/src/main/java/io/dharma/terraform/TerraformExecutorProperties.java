package io.dharma.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Terraform executor ({@code dharma.executor.terraform.*}). Which clouds it serves
 * is the orchestrator's choice ({@code dharma.orchestrator.executors.<cloud>=terraform}).
 *
 * @param enabled whether the executor runs in this application
 * @param binary the terraform command (a name on the PATH or a path)
 * @param workDir where stack workspaces live (one directory per stack, mode 0700)
 * @param pluginMirror a filesystem mirror of the providers ({@code registry.terraform.io/hashicorp/aws/...});
 *        init never reaches the network. Null: the machine's mirror {@code /opt/tf-plugins} when present
 * @param maxParallelRuns Terraform processes at once (each provider process takes hundreds of MB)
 * @param lockTimeout how long a run waits for the stack's state lock (an earlier run of ours
 *        still finishing after a crash holds it until it ends)
 * @param runTimeout longest a single terraform command may take before it is stopped
 * @param aws the AWS API the AWS provider talks to
 */
@ConfigurationProperties("dharma.executor.terraform")
public record TerraformExecutorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("terraform") String binary,
        Path workDir,
        Path pluginMirror,
        @DefaultValue("2") int maxParallelRuns,
        @DefaultValue("10m") Duration lockTimeout,
        @DefaultValue("30m") Duration runTimeout,
        @DefaultValue Aws aws) {

    /** The mirror every machine image of this project carries. */
    public static final Path MACHINE_PLUGIN_MIRROR = Path.of("/opt/tf-plugins");

    public TerraformExecutorProperties {
        if (maxParallelRuns < 1) {
            throw new IllegalArgumentException("dharma.executor.terraform.max-parallel-runs must be at least 1");
        }
    }

    /**
     * @param endpoint base URL of an AWS API emulator (every service endpoint points there, path-style
     *        S3, no account lookups); null for real AWS with the provider's own endpoints
     * @param accessKeyId access key passed to Terraform (for an emulator any value works); null to
     *        pass the environment's AWS credentials through
     * @param secretAccessKey secret key to go with it
     */
    public record Aws(String endpoint, String accessKeyId, String secretAccessKey) {

        /** The environment variables, beside PATH, that Terraform may see for AWS credentials. */
        static final List<String> CREDENTIAL_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
                "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CA_BUNDLE");
    }
}
