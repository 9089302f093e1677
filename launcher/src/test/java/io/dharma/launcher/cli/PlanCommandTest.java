package io.dharma.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dharma.launcher.EndOffsets;
import io.dharma.launcher.RunningPlatform;
import io.dharma.launcher.SharedPlatform;
import io.dharma.testing.TestIssuer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dharma plan FILE} against the running platform: the insecure demo's violations and cost
 * table, printed without submitting anything; an invalid document's problems with their lines.
 */
class PlanCommandTest {

    private static final String TENANT = "e2e-plan-cli";

    private final RunningPlatform platform = SharedPlatform.get();
    @TempDir
    Path dir;

    @Test
    void theInsecureDemoListsItsNineViolationsAndACostTableWithoutSubmittingAnything() throws Exception {
        String tenant = TENANT + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> topics = List.of("dharma.blueprints.v1", "dharma.iac.v1", "dharma.guardrails.v1", "dharma.costs.v1");
        Map<TopicPartition, Long> before = EndOffsets.of(platform, topics);

        Cli cli = run(tenant, Path.of("../examples/insecure-demo.yaml"));

        System.out.println(cli.out());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.UNSUCCESSFUL_OUTCOME);
        assertThat(cli.out()).contains("Plan for insecure-demo (aws us-east-1, dev): a new blueprint. Nothing was submitted.",
                "Guardrails: BLOCKED (9 violations of", "SEVERITY", "Remediation:", "Cost per month (USD",
                "legacy-db", "Total: ", "Budget: none declared", "AZURE", "GCP", "Plan: 6 to add, 0 to change, 0 to destroy.");
        assertThat(cli.out().lines().filter(line -> line.matches("^(CRITICAL|HIGH|MEDIUM|LOW) .*"))).hasSize(9);
        assertThat(EndOffsets.of(platform, topics)).isEqualTo(before);
        assertThat(count("select count(*) from intake.blueprint where tenant_id = '" + tenant + "'")).isZero();
    }

    @Test
    void aBlueprintTheGuardrailsAllowExitsZero() throws Exception {
        Path file = dir.resolve("web.yaml");
        Files.writeString(file, Files.readString(Path.of("../examples/aws-web-app.yaml")));

        Cli cli = run(TENANT, file);

        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("Guardrails: PASSED", "Budget: within the budget of 600.0000 USD");
    }

    @Test
    void anInvalidDocumentPrintsEachProblemWithItsLineAndExitsAsSubmitDoes() throws Exception {
        Path file = dir.resolve("invalid.yaml");
        Files.writeString(file, Files.readString(Path.of("../examples/insecure-demo.yaml")).replace("region: us-east-1",
                "region: mars-1"));
        int line = Files.readAllLines(file).indexOf("  region: mars-1") + 1;

        Cli cli = run(TENANT, file);

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.out()).contains("blueprint.invalid", "invalid.yaml:" + line + " /spec/region", "Nothing was submitted.");
    }

    private Cli run(String tenant, Path file) {
        return Cli.run("plan", file.toString(), "--api-url", platform.apiUrl(), "--token",
                TestIssuer.get().token(tenant, "cli-user"));
    }

    private long count(String sql) throws Exception {
        try (java.sql.Connection connection = platform.context().getBean(javax.sql.DataSource.class).getConnection();
                java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
