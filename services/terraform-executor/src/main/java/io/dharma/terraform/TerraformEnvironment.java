package io.dharma.terraform;

import io.dharma.executor.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The environment every terraform process gets, and nothing else: PATH, a HOME and CLI
 * configuration of the executor's own (providers only from the mirror, through a shared plugin
 * cache, so init never reaches the network and each provider is unpacked once), the state
 * database's connection for the pg backend, and the cloud credentials. Never the JVM's other
 * variables, which may hold secrets that are none of a provider's business.
 */
public final class TerraformEnvironment {

    /** PostgreSQL schema of Terraform's state table ({@code states}: one row per stack workspace). */
    static final String STATE_SCHEMA = "terraform_state";

    private final Path workDir;
    private final Map<String, String> common;

    private TerraformEnvironment(Path workDir, Map<String, String> common) {
        this.workDir = workDir;
        this.common = Map.copyOf(common);
    }

    /**
     * Prepares the work directory (0700) and its CLI configuration.
     *
     * @param jdbcUrl the platform database, where Terraform keeps each stack's state
     * @param pluginMirror the provider mirror, null for none (init then fails for any provider)
     */
    public static TerraformEnvironment create(Path workDir, String jdbcUrl, String username, String password,
            Path pluginMirror, TerraformExecutorProperties.Aws aws) {
        try {
            StackWorkspace.createPrivate(workDir);
            Path pluginCache = workDir.resolve("plugin-cache");
            StackWorkspace.createPrivate(pluginCache);
            Path cliConfig = workDir.resolve("terraformrc");
            Files.writeString(cliConfig, cliConfiguration(pluginMirror, pluginCache), StandardCharsets.UTF_8);
            removeLeftovers(workDir.resolve("stacks"));
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            variables.put("HOME", workDir.toString());
            variables.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
            variables.put("TF_IN_AUTOMATION", "1");
            variables.put("TF_INPUT", "0");
            variables.put("CHECKPOINT_DISABLE", "1");
            variables.put("PG_CONN_STR", postgresUrl(jdbcUrl, username, password));
            variables.put("PG_SCHEMA_NAME", STATE_SCHEMA);
            if (aws.accessKeyId() != null) {
                variables.put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
                variables.put("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey() == null ? "" : aws.secretAccessKey());
            } else {
                for (String name : TerraformExecutorProperties.Aws.CREDENTIAL_VARIABLES) {
                    String value = System.getenv(name);
                    if (value != null) {
                        variables.put(name, value);
                    }
                }
            }
            return new TerraformEnvironment(workDir, variables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Terraform work directory " + workDir, e);
        }
    }

    Path workDir() {
        return workDir;
    }

    /** The variables of one stack's terraform processes. */
    Map<String, String> variables(Stack stack) {
        Map<String, String> variables = new LinkedHashMap<>(common);
        variables.put("AWS_REGION", stack.region());
        return variables;
    }

    /** The Terraform workspace (state row) of a stack. */
    static String workspaceName(Stack stack) {
        return stack.blueprintId();
    }

    static String cliConfiguration(Path pluginMirror, Path pluginCache) {
        StringBuilder config = new StringBuilder("# Written by Dharma's Terraform executor: providers never come from the network.\n");
        config.append("plugin_cache_dir = \"").append(pluginCache).append("\"\n");
        config.append("provider_installation {\n");
        if (pluginMirror != null) {
            config.append("  filesystem_mirror {\n    path = \"").append(pluginMirror).append("\"\n  }\n");
        } else {
            config.append("  filesystem_mirror {\n    path = \"").append(pluginCache.resolveSibling("no-mirror")).append("\"\n  }\n");
        }
        config.append("}\n");
        return config.toString();
    }

    /** {@code jdbc:postgresql://host:port/db?...} as the libpq URL the pg backend takes. */
    static String postgresUrl(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the Terraform executor keeps state in PostgreSQL; " + jdbcUrl + " is not a PostgreSQL URL");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String userInfo = username == null || username.isEmpty() ? ""
                : encode(username) + (password == null || password.isEmpty() ? "" : ":" + encode(password)) + "@";
        String query = uri.getQuery() == null ? "sslmode=disable"
                : uri.getQuery().contains("sslmode=") ? uri.getQuery() : uri.getQuery() + "&sslmode=disable";
        return "postgres://" + userInfo + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                + "?" + query;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Plan files are applied or discarded by the run that made them, and run outputs read by it; one
     * left by a crash is stale (an orphaned Terraform still writing to it keeps its open file).
     */
    private static void removeLeftovers(Path stacksDir) throws IOException {
        if (!Files.isDirectory(stacksDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(stacksDir, 3)) {
            for (Path file : files.filter(TerraformEnvironment::isLeftover).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isLeftover(Path file) {
        return file.toString().endsWith(".tfplan")
                || file.getParent().getFileName().toString().equals(TerraformRun.RUNS_DIR) && file.toString().endsWith(".log");
    }
}
