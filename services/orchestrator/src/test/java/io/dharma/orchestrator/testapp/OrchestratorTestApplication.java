package io.dharma.orchestrator.testapp;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The orchestrator with the in-test executor (the sandbox cloud replaces it once available). */
@SpringBootApplication
public class OrchestratorTestApplication {

    @Bean
    TableExecutor tableExecutor(DataSource dataSource) {
        return new TableExecutor(dataSource);
    }
}
