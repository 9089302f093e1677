package io.dharma.streams.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * Runs the streams application alone: the Kafka Streams topology and the query API. Its beans come
 * from {@code StreamsAutoConfiguration}; its settings from {@code streams.yaml}. It keeps no database:
 * its state is in Kafka (changelogs) and RocksDB. Run several with distinct
 * {@code dharma.streams.state-dir} and ports: each answers for every key.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
public class StreamsApplication {

    public static final String CONFIG_NAME = "spring.config.name=streams";

    public static void main(String[] args) {
        new SpringApplicationBuilder(StreamsApplication.class).properties(CONFIG_NAME).run(args);
    }
}
