package io.dharma.launcher.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client commands print results, not client logs: without Spring Boot's logging set-up,
 * logback would log every Kafka client's configuration and each failed connection attempt at
 * INFO. {@code dharma up} keeps Spring Boot's logging, which replaces this.
 */
public final class CliLogging {

    private CliLogging() {
    }

    public static void quiet() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
            ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        }
    }
}
