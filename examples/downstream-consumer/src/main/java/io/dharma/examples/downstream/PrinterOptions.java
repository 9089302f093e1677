package io.dharma.examples.downstream;

import java.util.List;

/**
 * Command-line options of {@link DeploymentPrinter}. Defaults point at {@code ./dharma up}.
 *
 * @param bootstrapServer Kafka bootstrap servers
 * @param registryUrl     Confluent-compatible schema registry
 * @param group           this consumer's group id: your own, never a Dharma service's
 * @param fromBeginning   replay the topic's whole history (it is kept forever) before following it
 */
public record PrinterOptions(String bootstrapServer, String registryUrl, String group, boolean fromBeginning) {

    public static final String DEFAULT_BOOTSTRAP_SERVER = "localhost:9092";
    public static final String DEFAULT_REGISTRY_URL = "http://localhost:8081";
    public static final String DEFAULT_GROUP = "example-deployment-printer";

    static final String USAGE = """
            Usage: DeploymentPrinter [--bootstrap-server HOST:PORT] [--registry-url URL] [--group ID] [--from-beginning]
              Prints every event of dharma.deployments.v1, one line each, until Ctrl-C.
              --bootstrap-server  Kafka (default %s)
              --registry-url      schema registry (default %s)
              --group             consumer group id (default %s)
              --from-beginning    print the topic's whole history first
            """.formatted(DEFAULT_BOOTSTRAP_SERVER, DEFAULT_REGISTRY_URL, DEFAULT_GROUP);

    /** Parses the arguments; throws IllegalArgumentException with a readable message on bad input. */
    public static PrinterOptions parse(String... args) {
        String bootstrapServer = DEFAULT_BOOTSTRAP_SERVER;
        String registryUrl = DEFAULT_REGISTRY_URL;
        String group = DEFAULT_GROUP;
        boolean fromBeginning = false;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            switch (arg) {
                case "--bootstrap-server" -> bootstrapServer = value(list, ++i, arg);
                case "--registry-url" -> registryUrl = value(list, ++i, arg);
                case "--group" -> group = value(list, ++i, arg);
                case "--from-beginning" -> fromBeginning = true;
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new PrinterOptions(bootstrapServer, registryUrl, group, fromBeginning);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).isBlank() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
