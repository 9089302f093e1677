package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dharma submit FILE --wait} against the running platform: it follows the real event stream. */
class SubmitWaitEndToEndTest {

    private final RunningPlatform platform = SharedPlatform.get();
    private final String tenant = "e2e-cli-" + UUID.randomUUID().toString().substring(0, 8);

    private record Result(int exitCode, String out, String err) {
    }

    @Test
    void theAwsExamplePrintsEachStageAndExitsZeroOnceDeployed() {
        Result submit = cli("submit", "../examples/aws-web-app.yaml", "--wait");

        assertThat(submit.exitCode()).as(submit.out() + submit.err()).isZero();
        assertThat(submit.out()).contains("SUBMITTED", "IAC_GENERATED", "GUARDRAILS_PASSED", "COST_ESTIMATED",
                "REQUESTED", "PLANNING", "PLANNED", "APPLYING", "SUCCEEDED");
        assertThat(submit.out().indexOf("APPLYING")).isLessThan(submit.out().lastIndexOf("SUCCEEDED"));
    }

    @Test
    void theInsecureExampleExitsNonZeroNamingTheViolatedPolicies() {
        Result submit = cli("submit", "../examples/insecure-demo.yaml", "--wait");

        assertThat(submit.exitCode()).as(submit.out() + submit.err()).isNotZero();
        assertThat(submit.out()).contains("BLOCKED", "storage.no-public-buckets", "network.no-admin-ports-from-internet",
                "data.encryption-at-rest");
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DharmaCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withPlatform = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--api-url", platform.apiUrl(), "--token", io.dharma.testing.TestIssuer.get().token(tenant, "cli-user"))).toArray(String[]::new);
        return new Result(cli.execute(withPlatform), out.toString(), err.toString());
    }
}
