package io.dharma.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Declares that a configuration owns one PostgreSQL schema and migrates it at start-up (ADR 0005):
 * registers the schema's {@code Flyway} as {@code <schema>Flyway} (see {@link ServiceSchema}) and a
 * {@code FlywayMigrationInitializer} as {@code <schema>FlywayInitializer}. Spring Boot makes every
 * JDBC and jOOQ bean wait for the initializer; a bean that reaches the schema another way names it
 * in {@code @DependsOn}. Any Flyway bean also turns Boot's own Flyway auto-configuration off, which
 * would otherwise migrate the default schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(SchemaMigrationRegistrar.class)
public @interface MigratesSchema {

    /** The schema, also the migrations' location {@code classpath:db/<schema>}. */
    String value();
}
