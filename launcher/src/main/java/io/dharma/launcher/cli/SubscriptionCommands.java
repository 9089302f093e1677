package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code dharma subscriptions ...}: the tenant's notification subscriptions and their delivery logs. */
public final class SubscriptionCommands {

    private SubscriptionCommands() {
    }

    @Command(name = "subscriptions", mixinStandardHelpOptions = true,
            description = "Notifications to webhooks, Slack, Jira and ServiceNow.",
            subcommands = {Create.class, ListSubscriptions.class, Delete.class, Test.class, Deliveries.class, Redeliver.class})
    public static final class Subscriptions {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Subscribes a target to the tenant's notifications; for a webhook, prints its signing secret (shown once).")
    public static final class Create extends ApiCommand {
        @Option(names = "--target", paramLabel = "TARGET", required = true, description = "webhook, slack, jira or servicenow.")
        String target;
        @Option(names = "--url", paramLabel = "URL", required = true,
                description = "The webhook's URL, Slack's incoming webhook URL, the Jira site or the ServiceNow instance.")
        String url;
        @Option(names = "--events", paramLabel = "EVENTS", split = ",",
                description = "approval-needed, blocked, failed, succeeded, drift, over-budget (default: all).")
        List<String> events;
        @Option(names = "--blueprints", paramLabel = "IDS", split = ",", description = "Only these blueprint ids.")
        List<String> blueprints;
        @Option(names = "--environments", paramLabel = "ENVS", split = ",", description = "Only dev, staging and/or prod.")
        List<String> environments;
        // Not --credentials: that global option names the saved-login file.
        @Option(names = "--target-credentials", paramLabel = "USER:SECRET",
                description = "Jira email:api-token or ServiceNow user:password (stored encrypted).")
        String credentials;
        @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A target setting, e.g. project=OPS for Jira.")
        java.util.Map<String, String> options;
        @Option(names = "--approval-key", paramLabel = "API_KEY",
                description = "ServiceNow: an API key of the tenant with the approver role, which relays ServiceNow's decisions"
                        + " (dharma keys create --role approver --name servicenow).")
        String approvalKey;

        @Override
        public Integer call() {
            ObjectNode body = PlatformClient.JSON.createObjectNode();
            body.put("target", target);
            body.put("url", url);
            putList(body, "events", events);
            putList(body, "blueprints", blueprints);
            putList(body, "environments", environments);
            if (credentials != null) {
                body.put("credentials", credentials);
            }
            if (approvalKey != null) {
                body.put("approvalKey", approvalKey);
            }
            if (options != null) {
                ObjectNode settings = body.putObject("options");
                options.forEach(settings::put);
            }
            JsonNode created = api.client().postJson("/api/v1/subscriptions", body);
            PrintWriter out = out();
            out.printf("Created subscription %s (%s to %s; events %s)%n", created.path("id").asString(),
                    created.path("target").asString(), created.path("url").asString(), strings(created.path("events")));
            if (created.hasNonNull("secret")) {
                out.println("Signing secret (shown once; verify webhook-signature with it): " + created.path("secret").asString());
            }
            return ExitCodes.OK;
        }

        private static void putList(ObjectNode body, String name, List<String> values) {
            if (values != null && !values.isEmpty()) {
                values.forEach(body.putArray(name)::add);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tenant's subscriptions.")
    public static final class ListSubscriptions extends ReadCommand {

        @Override
        String path() {
            return "/api/v1/subscriptions";
        }

        @Override
        void printTable(JsonNode subscriptions, PrintWriter out) {
            Table table = new Table("ID", "TARGET", "URL", "EVENTS");
            subscriptions.path("items").forEach(subscription -> table.row(subscription.path("id").asString(),
                    subscription.path("target").asString(), subscription.path("url").asString(),
                    strings(subscription.path("events"))));
            table.print(out);
        }
    }

    /** {@code SUBSCRIPTION_ID} of the commands that act on one subscription, and the API paths under it. */
    static final class SubscriptionId {
        @Parameters(paramLabel = "SUBSCRIPTION_ID", description = "The subscription's id (dharma subscriptions list).")
        String id;

        String path(String under) {
            return "/api/v1/subscriptions/" + id + under;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a subscription and its delivery log.")
    public static final class Delete extends ApiCommand {
        @Mixin
        SubscriptionId subscription;

        @Override
        public Integer call() {
            api.client().delete(subscription.path(""));
            out().println("Deleted " + subscription.id);
            return ExitCodes.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Sends a test notification; `dharma subscriptions deliveries` shows how it went.")
    public static final class Test extends ApiCommand {
        @Mixin
        SubscriptionId subscription;

        @Override
        public Integer call() {
            JsonNode queued = api.client().postJson(subscription.path("/test"), PlatformClient.JSON.createObjectNode());
            out().println("Test notification " + queued.path("eventId").asString() + " queued");
            return ExitCodes.OK;
        }
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true,
            description = "A subscription's delivery log, newest first: status, attempts, last error.")
    public static final class Deliveries extends ReadCommand {
        @Mixin
        SubscriptionId subscription;
        @Option(names = "--status", paramLabel = "STATUS", description = "Only PENDING, DELIVERED or DEAD.")
        String status;

        @Override
        String path() {
            return subscription.path("/deliveries") + (status == null ? "" : "?status=" + status);
        }

        @Override
        void printTable(JsonNode log, PrintWriter out) {
            Table table = new Table("EVENT", "TYPE", "STATUS", "ATTEMPTS", "LAST ERROR");
            log.path("items").forEach(line -> table.row(line.path("eventId").asString(), line.path("type").asString(),
                    line.path("status").asString(), line.path("attempts").asInt(), line.path("lastError").asString("-")));
            table.print(out);
        }
    }

    @Command(name = "redeliver", mixinStandardHelpOptions = true,
            description = "Sends dead letters again with a fresh retry budget: one event's, or all of the subscription's.")
    public static final class Redeliver extends ApiCommand {
        @Mixin
        SubscriptionId subscription;
        @Option(names = "--event", paramLabel = "EVENT_ID", description = "Only this event's delivery.")
        String eventId;

        @Override
        public Integer call() {
            ObjectNode body = PlatformClient.JSON.createObjectNode();
            if (eventId != null) {
                body.put("eventId", eventId);
            }
            JsonNode answer = api.client().postJson(subscription.path("/redeliver"), body);
            out().println(answer.path("redelivered").asInt() + " dead letter(s) pending again");
            return ExitCodes.OK;
        }
    }

    private static String strings(JsonNode array) {
        return String.join(",", array.valueStream().map(JsonNode::asString).toList());
    }
}
