package io.dharma.identity.server;

import com.zaxxer.hikari.HikariDataSource;
import io.dharma.identity.IdentityAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity schema's connections: a small pool of its own on the application's database
 * ({@code spring.datasource.*}) whose connections use the {@value IdentityAutoConfiguration#SCHEMA}
 * schema. Spring Authorization Server's JDBC services name their tables without a schema, and
 * the application's pool must keep its own search path, hence a pool rather than a shared one.
 * None of this is a bean of a JDBC type, so the application's DataSource, JdbcTemplate and
 * transaction manager stay the only candidates of their types.
 */
public final class IdentityDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public IdentityDatabase(DataSourceProperties properties, int poolSize) {
        this.pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("identity");
        pool.setSchema(IdentityAutoConfiguration.SCHEMA);
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        this.jdbcTemplate = new JdbcTemplate(pool);
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    public JdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    @Override
    public void close() {
        pool.close();
    }
}
