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
}
