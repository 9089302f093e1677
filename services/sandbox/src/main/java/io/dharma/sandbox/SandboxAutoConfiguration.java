package io.dharma.sandbox;

import io.dharma.executor.InfrastructureExecutor;
import io.dharma.sandbox.api.SandboxController;
import io.dharma.sandbox.fault.FaultInjector;
import io.dharma.sandbox.inventory.Inventory;
import io.dharma.sandbox.inventory.StackFences;
import io.dharma.sandbox.provider.ProviderShapes;
import java.time.Clock;
import javax.sql.DataSource;
import io.dharma.database.MigratesSchema;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox cloud's beans, for running it alone ({@code app.SandboxApplication}) or inside the
 * one-JVM launcher: the sandbox {@link InfrastructureExecutor} (beside any other executor, such as
 * Terraform's: the orchestrator picks one per cloud), its inventory in PostgreSQL schema {@value #SCHEMA} with its own
 * Flyway, and, in a web application, the {@code /api/v1/sandbox} API. Bean names start with
 * {@code sandbox}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JooqAutoConfiguration.class})
@EnableConfigurationProperties(SandboxProperties.class)
@MigratesSchema(SandboxAutoConfiguration.SCHEMA)
public class SandboxAutoConfiguration {

    public static final String SCHEMA = "sandbox";


    /** Anything reading the inventory waits for the migration (the orchestrator may read it while starting). */
    @Bean
    @DependsOn("sandboxFlywayInitializer")
    Inventory sandboxInventory(DSLContext dsl) {
        return new Inventory(dsl);
    }

    @Bean
    ProviderShapes sandboxProviderShapes() {
        return new ProviderShapes();
    }

    @Bean
    FaultInjector sandboxFaultInjector(SandboxProperties properties) {
        return new FaultInjector(properties.faults().toFaults());
    }

    @Bean
    @ConditionalOnMissingBean(SandboxExecutor.class)
    SandboxExecutor sandboxExecutor(Inventory sandboxInventory, DSLContext dsl, DataSource dataSource,
            ProviderShapes sandboxProviderShapes, FaultInjector sandboxFaultInjector, SandboxProperties properties) {
        return new SandboxExecutor(sandboxInventory, new StackFences(dsl), ownTransactions(dataSource), sandboxProviderShapes,
                sandboxFaultInjector, properties.latency(), Clock.systemUTC());
    }

    @Bean
    OutOfBandChanges sandboxOutOfBandChanges(Inventory sandboxInventory, DataSource dataSource,
            ProviderShapes sandboxProviderShapes) {
        return new OutOfBandChanges(sandboxInventory, ownTransactions(dataSource), sandboxProviderShapes, Clock.systemUTC());
    }

    /**
     * The sandbox stands for a cloud provider, whose changes never roll back with the caller's
     * transaction: each of its operations commits on its own (REQUIRES_NEW). Its transaction
     * manager is not a bean, so the one-JVM context keeps whatever transaction managers (JDBC,
     * Kafka) the other services rely on, unambiguous.
     */
    private static TransactionTemplate ownTransactions(DataSource dataSource) {
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transactions;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(SandboxController.class)
    static class SandboxApiConfiguration {
    }
}
