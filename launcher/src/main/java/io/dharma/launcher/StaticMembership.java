package io.dharma.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Static consumer-group membership for a launcher on its own embedded Kafka (ADR 0030): every group
 * in that broker has exactly one member, this process, so its {@code group.instance.id} is derived
 * from the home directory (which holds the broker's data too). Started again on the same home after
 * a crash, the launcher's consumers and stream threads take their partitions back at once instead
 * of waiting out the dead members' session timeout (45 s) in a rebalance.
 *
 * <p>Not used with an external Kafka, which other instances may share; separately deployed services
 * have no fixed id unless configured ({@code dharma.kafka.processing.group-instance-id},
 * {@code dharma.streams.group-instance-id}).
 */
final class StaticMembership {

    private StaticMembership() {
    }

    /** As default properties: an id the user sets still wins. */
    static Map<String, Object> properties(Path home) {
        String instance = "dharma-up-" + hash(home.toAbsolutePath().normalize().toString());
        return Map.of("dharma.kafka.processing.group-instance-id", instance,
                "dharma.streams.group-instance-id", instance + "-streams");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
