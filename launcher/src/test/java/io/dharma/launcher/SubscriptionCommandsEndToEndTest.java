package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dharma.testing.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dharma subscriptions ...} against the one-JVM platform, with a local webhook receiver. */
class SubscriptionCommandsEndToEndTest {

    private static final Pattern CREATED = Pattern.compile("Created subscription ([0-9a-f-]{36})");

    private final RunningPlatform platform = SharedPlatform.get();
    private final String token = TestIssuer.get().token("e2e-notify-cli", "cli-user");

    @Test
    void createTestDeliveriesListAndDeleteFromTheCommandLine() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.healthy()) {
            Result created = run("subscriptions", "create", "--target", "webhook", "--url", receiver.url("/cli"),
                    "--events", "approval-needed,failed");
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(created.out()).contains("Signing secret (shown once").contains("whsec_");
            Matcher id = CREATED.matcher(created.out());
            assertThat(id.find()).isTrue();
            String subscription = id.group(1);

            assertThat(run("subscriptions", "list").out()).contains(subscription).contains("approval-needed,failed")
                    .doesNotContain("whsec_");
            assertThat(run("subscriptions", "test", subscription).out()).contains("queued");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(run("subscriptions", "deliveries", subscription).out())
                            .contains("io.dharma.notification.test").contains("DELIVERED"));
            assertThat(receiver.received()).hasSize(1);
            assertThat(run("subscriptions", "redeliver", subscription).out()).contains("0 dead letter(s) pending again");
            assertThat(run("subscriptions", "delete", subscription).out()).contains("Deleted " + subscription);
            Result gone = run("subscriptions", "deliveries", subscription);
            assertThat(gone.exit()).isNotZero();
            assertThat(gone.err()).contains("subscription.not-found");
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DharmaCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withApi = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--api-url", platform.apiUrl(), "--token", token)).toArray(String[]::new);
        int exit = cli.execute(withApi);
        return new Result(exit, out.toString(), err.toString());
    }
}
