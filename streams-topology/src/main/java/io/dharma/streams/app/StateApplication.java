package io.dharma.streams.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * Runs the state application alone: the Kafka Streams topology and the query API. Its beans come
 * from {@code StateAutoConfiguration}; its settings from {@code state.yaml}. It keeps no database:
 * its state is in Kafka (changelogs) and RocksDB. Run several with distinct
 * {@code dharma.state.state-dir} and ports: each answers for every key.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
public class StateApplication {

    public static final String CONFIG_NAME = "spring.config.name=state";

    public static void main(String[] args) {
        new SpringApplicationBuilder(StateApplication.class).properties(CONFIG_NAME).run(args);
    }
}
