package io.dharma.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.dharma.testing.EmbeddedStack;

/** {@code dharma dlt} wired to the operations on the embedded broker (DeadLettersTest covers list and redrive). */
class DeadLetterCommandsTest {

    @Test
    void listsAnEmptyDeadLetterTopicAndARedriveMustChoose() throws Exception {
        EmbeddedStack stack = EmbeddedStack.get();
        String topic = "test.dlt-cli-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(topic + ".dlt", 2, (short) 1))).all().get();
        }
        String[] cluster = {"--topic", topic, "--bootstrap-server", stack.bootstrapServers(), "--registry-url", stack.registryUrl()};

        Cli list = Cli.run(concat(new String[] {"dlt", "list"}, cluster));
        Cli redriveAll = Cli.run(concat(new String[] {"dlt", "redrive", "--all"}, cluster));
        Cli redriveNothing = Cli.run(concat(new String[] {"dlt", "redrive"}, cluster));

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("PARTITION:OFFSET").contains(topic + ".dlt: 0 dead letters");
        assertThat(redriveAll.exitCode()).as(redriveAll.err()).isZero();
        assertThat(redriveAll.out()).contains("0 of 0 dead letters redriven");
        assertThat(redriveNothing.exitCode()).isNotZero();
        assertThat(redriveNothing.err()).contains("--all, --event-id or --offset");
        assertThat(Cli.run("dlt", "redrive", "--help").out()).contains("Idempotent").contains("eventId");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
