package io.dharma.launcher.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code dharma outbox set-aside}: the outbox rows Kafka refused for good, for platform-admins. */
public final class OutboxCommands {

    private OutboxCommands() {
    }

    @Command(name = "outbox", mixinStandardHelpOptions = true,
            description = {"Inspects the platform's outbox, where events committed with their business change wait "
                    + "for the relay to publish them to Kafka.",
                "A row Kafka refuses for good (too large, unserializable) is set aside with the reason and never "
                    + "retried, so the rows behind it keep flowing."},
            subcommands = {ListSetAside.class})
    public static final class Outbox {
    }

    @Command(name = "set-aside", mixinStandardHelpOptions = true,
            description = {"Lists the set-aside rows, newest first: id, topic, key, eventId, when and what Kafka "
                    + "answered (GET /api/v1/operations/outbox/set-aside; platform-admin only)."})
    public static final class ListSetAside extends ReadCommand {

        @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "At most N rows (1-1000; default 100).")
        int limit;

        @Override
        String path() {
            return "/api/v1/operations/outbox/set-aside?limit=" + limit;
        }

        @Override
        void printTable(JsonNode answer, PrintWriter out) {
            Table table = new Table("ID", "TOPIC", "KEY", "EVENT ID", "SET ASIDE", "REASON");
            for (JsonNode row : answer.path("items")) {
                table.row(row.path("id").asString(), row.path("topic").asString(), row.path("key").asString(""),
                        row.path("eventId").asString(""), row.path("failedAt").asString(), row.path("reason").asString());
            }
            if (table.size() == 0) {
                out.println("No set-aside rows: every committed event was published or is on its way.");
            } else {
                table.print(out);
            }
        }
    }
}
