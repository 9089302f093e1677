package io.dharma.database;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The Flyway of one PostgreSQL schema owned by one module (ADR 0005): migrations from
 * {@code classpath:db/<schema>}, the schema created if missing and holding its own history table,
 * so modules sharing a database never see each other's migrations.
 */
public final class ServiceSchema {

    private ServiceSchema() {
    }

    public static Flyway flyway(DataSource dataSource, String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/" + schema)
                .load();
    }
}
