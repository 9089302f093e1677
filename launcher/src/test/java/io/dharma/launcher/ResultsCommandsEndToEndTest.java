package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.dharma.testing.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code dharma iac} and {@code dharma cost} against the running platform: what they print and write is what the API reads. */
class ResultsCommandsEndToEndTest {

    private static final String TENANT = "e2e-results-cli";

    private final RunningPlatform platform = SharedPlatform.get();
    private final PlatformApi api = new PlatformApi(platform.apiUrl(), TENANT);
    private final String token = TestIssuer.get().token(TENANT, "e2e-user");

    @TempDir
    Path dir;

    @Test
    void iacListsTheFilesAndWritesTheModuleAndCostPrintsTheEstimate() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "cli-" + UUID.randomUUID().toString().substring(0, 8));
        String version = "/api/v1/blueprints/" + accepted.blueprintId() + "/versions/" + accepted.version();
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> api.get(version + "/iac").statusCode() == 200
                && api.get(version + "/cost").statusCode() == 200
                && api.get("/api/v1/blueprints/" + accepted.blueprintId() + "/status").statusCode() == 200);
        JsonNode iac = PlatformApi.json(api.get(version + "/iac").body());
        JsonNode cost = PlatformApi.json(api.get(version + "/cost").body());

        String[] listed = run("iac", accepted.blueprintId());
        assertThat(listed[0]).isEqualTo("0");
        assertThat(listed[1]).contains("GENERATED", iac.path("contentHash").asString());
        iac.path("files").forEach(file -> assertThat(listed[1]).contains(file.path("path").asString(), file.path("sha256").asString()));
        System.out.println("$ dharma iac " + accepted.blueprintId() + "\n" + listed[1]);

        Path module = dir.resolve("module");
        String[] written = run("iac", accepted.blueprintId(), "--version", "1", "--format", "json", "--out", module.toString());
        assertThat(written[0]).isEqualTo("0");
        for (JsonNode file : iac.path("files")) {
            String path = file.path("path").asString();
            if (path.startsWith("json/")) {
                byte[] content = Files.readAllBytes(module.resolve(path.substring("json/".length())));
                assertThat(content).isEqualTo(api.getBytes(version + "/iac/files/" + path).body());
            }
        }
        try (var files = Files.list(module)) {
            assertThat(files.map(path -> path.getFileName().toString())).allMatch(name -> name.endsWith(".tf.json"));
        }

        String[] printed = run("cost", accepted.blueprintId());
        assertThat(printed[0]).isEqualTo("0");
        assertThat(printed[1]).contains("Total: " + cost.path("totalMonthly").asString() + " " + cost.path("currency").asString());
        cost.path("lineItems").forEach(item -> assertThat(printed[1]).contains(item.path("resourceName").asString()));
        cost.path("comparisons").forEach(other -> assertThat(printed[1])
                .contains(other.path("cloud").asString(), other.path("totalMonthly").asString()));
        System.out.println("$ dharma cost " + accepted.blueprintId() + "\n" + printed[1]);
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = DharmaCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--api-url", platform.apiUrl(), "--token", token)).toArray(String[]::new);
        int exit = cli.execute(all);
        return new String[] {Integer.toString(exit), out.toString()};
    }
}
