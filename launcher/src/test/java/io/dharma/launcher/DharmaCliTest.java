package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DharmaCliTest {

    @Test
    void helpListsTheCommands() {
        StringWriter out = new StringWriter();
        CommandLine cli = DharmaCli.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("up").contains("help");
    }

    @Test
    void unknownCommandFailsWithAClearMessage() {
        StringWriter err = new StringWriter();
        CommandLine cli = DharmaCli.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("deploy-everything");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("deploy-everything");
    }

    @Test
    void upDefaultsComeFromTheEnvironmentOrConventionalPorts() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs();

        assertThat(up.kafkaPort).isEqualTo(envOr("DHARMA_KAFKA_PORT", 9092));
        assertThat(up.registryPort).isEqualTo(envOr("DHARMA_REGISTRY_PORT", 8081));
        assertThat(up.httpPort).isEqualTo(envOr("DHARMA_HTTP_PORT", 8080));
    }

    private static int envOr(String name, int fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
