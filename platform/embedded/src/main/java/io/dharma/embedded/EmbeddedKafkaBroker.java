package io.dharma.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster in KRaft combined mode (broker and controller in one
 * process), started from the Kafka server jars inside this JVM.
 *
 * <p>The log directory is formatted on first start only, so starting again on the same
 * directory keeps every topic, offset and transaction. Settings that make sense for one node
 * (replication factor 1 for the internal topics, few internal partitions, no initial rebalance
 * delay) are applied by default; any broker property can be overridden.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;
    private volatile boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker listening on {@code 127.0.0.1:port} (0 picks a free port), data in {@code dataDir}. */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /** As {@link #start(Path, int)}, with broker properties that override the single-node defaults. */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
        return start(dataDir, port, BindAddress.LOOPBACK, overrides);
    }

    /**
     * As {@link #start(Path, int, Map)}, the client listener on {@code bindAddress} (see
     * {@link BindAddress}). The controller listener stays on loopback: only this broker talks to it.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, String bindAddress, Map<String, String> overrides) {
        int brokerPort = FreePorts.resolve(port);
        int controllerPort = FreePorts.pick();
        Path logDir = dataDir.toAbsolutePath().resolve("kafka-logs");
        createDirectories(logDir);

        Properties props = singleNodeProperties(logDir, bindAddress, brokerPort, controllerPort);
        props.putAll(overrides);
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        formatIfNew(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();

        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, logDir,
                BindAddress.localClientHost(bindAddress) + ":" + brokerPort);
        broker.awaitReady();
        log.info("Kafka (KRaft) ready at {} with data in {}", broker.bootstrapServers, logDir);
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka at {} stopped", bootstrapServers);
    }

    private static Properties singleNodeProperties(Path logDir, String bindAddress, int brokerPort, int controllerPort) {
        String listenHost = bindAddress.equals("*") ? "0.0.0.0" : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + BindAddress.LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + listenHost + ":" + brokerPort
                + ",CONTROLLER://" + BindAddress.LOOPBACK + ":" + controllerPort);
        // A wildcard listener is advertised as this machine's name, so other hosts can follow it.
        p.put("advertised.listeners", "PLAINTEXT://" + advertisedHost(bindAddress) + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created deliberately (the topic catalogue), never by a typo in a client.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        return p;
    }

    private static String advertisedHost(String bindAddress) {
        boolean wildcard = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("*");
        if (!wildcard) {
            return BindAddress.localClientHost(bindAddress);
        }
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + logDir, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new IllegalStateException("Kafka did not become ready at " + bootstrapServers, e);
                    }
                }
                sleep(100);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
