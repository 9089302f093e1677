package io.dharma.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.dharma.testing.EmbeddedStack;

/** This module's view of the shared test infrastructure ({@link EmbeddedStack}: once per JVM, ephemeral ports). */
public final class TestStack {

    private TestStack() {
    }

    public static String bootstrapServers() {
        return EmbeddedStack.get().bootstrapServers();
    }

    public static String registryUrl() {
        return EmbeddedStack.get().registryUrl();
    }

    public static DataSource dataSource() {
        return EmbeddedStack.get().dataSource();
    }

    /** Properties pointing a Spring application at the stack (Kafka, registry, PostgreSQL). */
    public static Map<String, Object> springProperties() {
        return EmbeddedStack.get().springProperties();
    }

    /** Creates each topic and its {@code .dlt} with {@code partitions} partitions. */
    public static void createTopicsWithDeadLetters(int partitions, String... topics) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (String topic : topics) {
            newTopics.add(new NewTopic(topic, partitions, (short) 1));
            newTopics.add(new NewTopic(topic + ".dlt", partitions, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(newTopics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + List.of(topics), e);
        }
    }
}
