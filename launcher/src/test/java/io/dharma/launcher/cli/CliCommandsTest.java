package io.dharma.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.dharma.launcher.DharmaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line itself: help, usage errors and failures, without a platform. */
class CliCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"submit", "plan", "status", "approve", "reject", "destroy", "drift", "topics", "tail", "replay",
        "audit", "reprocess", "rebuild-state", "iac", "cost", "subscriptions"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.run(command, "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Usage: dharma " + command);
    }

    @Test
    void helpListsTheCommands() {
        Cli cli = Cli.run("help");

        assertThat(cli.out()).contains("submit", "status", "approve", "reject", "destroy", "drift", "topics", "tail",
                "replay", "audit", "reprocess", "rebuild-state");
    }

    @Test
    void aBadTimeIsAUsageErrorNamingTheOption() {
        Cli cli = Cli.run("replay", "--topic", "dharma.blueprints.v1", "--from", "yesterday");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--from").contains("'yesterday' is not an ISO-8601 time");
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        Cli cli = Cli.run("replay", "--topic", "t", "--from", "2026-03-02", "--to", "2026-03-01T00:00:00Z",
                "--bootstrap-server", "localhost:1");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("must be before --to");
    }

    @Test
    void timesAcceptOffsetsLocalTimesAndDates() {
        Times times = new Times();

        assertThat(times.convert("2026-03-01T11:00:00+01:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(times.convert("2026-03-01T10:00:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(times.convert("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void anUnreachableBrokerFailsWithAClearMessage() {
        Cli cli = Cli.run("topics", "--bootstrap-server", "localhost:1", "--timeout", "2");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("dharma topics: Cannot reach Kafka at localhost:1");
    }

    @Test
    void replayAgainstAnUnreachableBrokerFailsFast() {
        Cli cli = Cli.run("replay", "--topic", "dharma.blueprints.v1", "--bootstrap-server", "localhost:1", "--timeout", "2");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("Cannot reach Kafka at localhost:1");
    }

    @Test
    void anUnreachableApiSaysWhereItLooked() {
        Cli cli = Cli.run("status", "some-tracking-id", "--api-url", "http://localhost:1");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("Cannot reach the Dharma API at http://localhost:1");
    }

    @Test
    void submitRefusesAFileOfUnknownFormat(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("blueprint.txt"), "name: x");

        Cli cli = Cli.run("submit", file.toString(), "--api-url", "http://localhost:1");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("name it .yaml, .yml or .json");
    }

    @Test
    void submitOfAMissingFileSaysSo() {
        Cli cli = Cli.run("submit", "no-such-blueprint.yaml", "--api-url", "http://localhost:1");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("No such file: no-such-blueprint.yaml");
    }

    @Test
    void reprocessNeedsAGroupAndATime() {
        Cli cli = Cli.run("reprocess", "--group", "dharma-guardrails");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--to-datetime");
    }

    @Test
    void connectionDefaultsAreTheEmbeddedOnesOrTheEnvironment() {
        CommandLine.ParseResult parsed = DharmaCli.commandLine().parseArgs("topics");
        KafkaOptions kafka = ((TopicsCommand) parsed.subcommand().commandSpec().userObject()).kafka;
        CommandLine.ParseResult apiParsed = DharmaCli.commandLine().parseArgs("drift");
        ApiOptions api = ((DriftCommand) apiParsed.subcommand().commandSpec().userObject()).api;

        assertThat(kafka.bootstrapServers).isEqualTo(env("DHARMA_BOOTSTRAP_SERVER", "localhost:" + env("DHARMA_KAFKA_PORT", "9092")));
        assertThat(kafka.registryUrl).isEqualTo(env("DHARMA_REGISTRY_URL", "http://localhost:" + env("DHARMA_REGISTRY_PORT", "8081")));
        assertThat(api.apiUrl).isEqualTo(env("DHARMA_API_URL", "http://localhost:" + env("DHARMA_HTTP_PORT", "8080")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
