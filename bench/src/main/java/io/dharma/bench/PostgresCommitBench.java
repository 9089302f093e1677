package io.dharma.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import io.dharma.embedded.EmbeddedPostgresServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The second reference: how many transactions per second PostgreSQL commits on this machine, each
 * inserting one row of about a submission's size, from concurrent connections, through the same
 * JDBC driver and the same embedded server (and so the same durability settings) as the platform.
 */
@Command(name = "postgres-commit", mixinStandardHelpOptions = true,
        description = "Raw PostgreSQL commit rate on this machine (embedded server, platform settings), a reference for the other figures.")
final class PostgresCommitBench extends Driver {

    @Option(names = "--duration", defaultValue = "PT10S", description = "Measured time (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent connections (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--row-bytes", defaultValue = "4096", description = "Payload per row (default ${DEFAULT-VALUE}, about one submission).")
    int rowBytes;

    @Override
    void measure() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("dharma-bench-pg"), 0)) {
            DataSource dataSource = postgres.dataSource();
            String synchronousCommit;
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("create table bench_commit (id bigserial primary key, payload bytea not null)");
                try (ResultSet rs = statement.executeQuery("show synchronous_commit")) {
                    rs.next();
                    synchronousCommit = rs.getString(1);
                }
            }
            byte[] payload = new byte[rowBytes];
            ThreadLocalRandom.current().nextBytes(payload);
            LongAdder commits = new LongAdder();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                for (int c = 0; c < clients; c++) {
                    pool.submit(() -> {
                        try (Connection connection = dataSource.getConnection();
                                PreparedStatement insert = connection.prepareStatement("insert into bench_commit (payload) values (?)")) {
                            connection.setAutoCommit(false);
                            while (System.nanoTime() < end) {
                                insert.setBytes(1, payload);
                                insert.executeUpdate();
                                connection.commit();
                                commits.increment();
                            }
                        }
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("postgres-commit: %d transactions (one %d-byte insert each) from %d connections in %.1f s = %.0f commits/s (synchronous_commit=%s)%n",
                    commits.sum(), rowBytes, clients, seconds, commits.sum() / seconds, synchronousCommit);
            figures.rate("raw PostgreSQL commit, %d B, synchronous_commit=%s".formatted(rowBytes, synchronousCommit),
                    commits.sum() / seconds, "commits/s");
        }
    }
}
