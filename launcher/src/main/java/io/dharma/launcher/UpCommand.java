package io.dharma.launcher;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dharma up}: the whole platform in this JVM, on embedded infrastructure, in the foreground. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {
            "Starts Kafka (KRaft), the schema registry, PostgreSQL and every Dharma service in one JVM.",
            "Data is kept under the home directory, so stopping and starting again keeps topics, schemas and rows. "
                + "Ctrl-C stops everything cleanly."})
final class UpCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = "${env:DHARMA_HOME:-.dharma}",
            description = "Data directory (env DHARMA_HOME, default ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--http-port", defaultValue = "${env:DHARMA_HTTP_PORT:-8080}",
            description = "Platform API port, also /livez and /readyz (env DHARMA_HTTP_PORT, default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--management-port", defaultValue = "${env:DHARMA_MANAGEMENT_PORT:-8089}",
            description = "Actuator port: /actuator/health (details for platform-admins), metrics, Prometheus "
                    + "(env DHARMA_MANAGEMENT_PORT, default ${DEFAULT-VALUE}).")
    int managementPort;

    @Option(names = "--bind-address", defaultValue = "${env:DHARMA_BIND_ADDRESS:-127.0.0.1}",
            description = "Address Kafka, the schema registry and PostgreSQL listen on (env DHARMA_BIND_ADDRESS, "
                    + "default ${DEFAULT-VALUE}: this machine only; they have no passwords). 0.0.0.0 opens them to the network.")
    String bindAddress;

    @Option(names = "--kafka-port", defaultValue = "${env:DHARMA_KAFKA_PORT:-9092}",
            description = "Kafka bootstrap port (env DHARMA_KAFKA_PORT, default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "${env:DHARMA_REGISTRY_PORT:-8081}",
            description = "Schema registry port (env DHARMA_REGISTRY_PORT, default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--postgres-port", defaultValue = "${env:DHARMA_POSTGRES_PORT:-5432}",
            description = "PostgreSQL port (env DHARMA_POSTGRES_PORT, default ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--aws-endpoint", defaultValue = "${env:DHARMA_AWS_ENDPOINT}",
            description = "Deploy AWS blueprints with Terraform against this AWS API (an emulator such as moto; "
                    + "env DHARMA_AWS_ENDPOINT). By default, or without terraform on the PATH, AWS runs on the sandbox.")
    String awsEndpoint;

    @Option(names = "--aws-emulator", defaultValue = "${env:DHARMA_AWS_EMULATOR:-false}",
            description = "Start moto_server (an AWS API emulator) and deploy AWS blueprints into it with Terraform "
                    + "(env DHARMA_AWS_EMULATOR=true; default ${DEFAULT-VALUE}).")
    boolean awsEmulator;

    @Option(names = "--aws-emulator-port", defaultValue = "${env:DHARMA_AWS_EMULATOR_PORT:-5000}",
            description = "Port of the AWS API emulator (env DHARMA_AWS_EMULATOR_PORT, default ${DEFAULT-VALUE}).")
    int awsEmulatorPort;

    @Option(names = "--kafka-bootstrap-servers", defaultValue = "${env:DHARMA_KAFKA_BOOTSTRAP_SERVERS}",
            description = "Use this running Kafka instead of starting one (env DHARMA_KAFKA_BOOTSTRAP_SERVERS; "
                    + "default: start one); the schema registry keeps its schemas there.")
    String kafkaBootstrapServers;

    @Option(names = "--postgres-url", defaultValue = "${env:DHARMA_POSTGRES_URL}",
            description = "Use this running PostgreSQL (jdbc:postgresql://host:port/database) instead of starting one "
                    + "(env DHARMA_POSTGRES_URL, default: start one; user and password from DHARMA_POSTGRES_USER and "
                    + "DHARMA_POSTGRES_PASSWORD).")
    String postgresUrl;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedSettings settings = new EmbeddedSettings(home,
                new EmbeddedSettings.Ports(httpPort, managementPort, kafkaPort, registryPort, postgresPort), bindAddress,
                new EmbeddedSettings.Aws(awsEndpoint, awsEmulator, awsEmulatorPort), external());
        RunningPlatform platform = PlatformLauncher.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "dharma-shutdown"));
        System.out.println(platform.banner());
        stopped.await();
        return 0;
    }

    private EmbeddedSettings.External external() {
        EmbeddedSettings.External.Postgres postgres = postgresUrl == null ? null : new EmbeddedSettings.External.Postgres(
                postgresUrl, System.getenv().getOrDefault("DHARMA_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("DHARMA_POSTGRES_PASSWORD", ""));
        return new EmbeddedSettings.External(kafkaBootstrapServers, postgres);
    }
}
