package io.dharma.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDirectoryKeepsRows() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0);
             Connection c = pg.dataSource().getConnection();
             Statement s = c.createStatement()) {
            assertThat(pg.jdbcUrl()).endsWith("/" + EmbeddedPostgresServer.DATABASE);
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('survives restart')");
        }

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0);
             Connection c = pg.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives restart");
        }
    }

    @Test
    void aCommitIsDurableBeforeItReturns() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0);
             Connection c = pg.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("on");
        }
    }

    /**
     * What a platform killed with SIGKILL leaves: its PostgreSQL still running on the directory. The
     * next start uses that server, and a session of the dead platform's orphan (a Terraform run,
     * say) keeps its connection; closing stops the server.
     */
    @Test
    void aServerLeftRunningOnTheDirectoryIsAdoptedAndStoppedOnClose() throws Exception {
        EmbeddedPostgresServer left = EmbeddedPostgresServer.start(dataDir, 0);
        try (Connection orphanSession = left.dataSource().getConnection();
             Statement orphan = orphanSession.createStatement()) {
            orphan.execute("CREATE TABLE state (v text)");

            try (EmbeddedPostgresServer adopted = EmbeddedPostgresServer.start(dataDir, 0)) {
                assertThat(adopted.port()).isEqualTo(left.port());
                orphan.execute("INSERT INTO state VALUES ('saved by the orphan')");
                try (Connection c = adopted.dataSource().getConnection();
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT v FROM state")) {
                    assertThat(rs.next()).isTrue();
                }
            }
            assertThat(orphanSession.isValid(2)).as("the adopted server stopped on close").isFalse();
        }
        assertThat(OrphanedPostmaster.find(dataDir.resolve("postgres"))).isEmpty();
    }
}
