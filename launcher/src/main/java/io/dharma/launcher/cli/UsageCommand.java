package io.dharma.launcher.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code dharma usage}: the tenant's quotas and the rate-limit budgets ({@code GET /api/v1/usage}). */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Shows your tenant's quotas (used and limit) and the rate-limit budgets of your tenant and credential.")
public final class UsageCommand extends ReadCommand {

    @Override
    String path() {
        return "/api/v1/usage";
    }

    @Override
    void printTable(JsonNode usage, PrintWriter out) {
        out.printf("tenant %s, credential %s%n%n", usage.path("tenant").asString(), usage.path("credential").asString());
        Table quotas = new Table("QUOTA", "USED", "LIMIT");
        usage.path("quotas").forEach(quota -> quotas.row(quota.path("name").asString(), quota.path("used").asLong(),
                quota.path("limit").asLong()));
        quotas.print(out);
        out.println();
        Table rateLimits = new Table("RATE LIMIT", "REMAINING", "LIMIT", "WINDOW", "FULL IN");
        usage.path("rateLimits").forEach(limit -> rateLimits.row(limit.path("policy").asString(),
                limit.path("remaining").asLong(), limit.path("limit").asLong(), limit.path("windowSeconds").asLong() + "s",
                limit.path("resetSeconds").asLong() + "s"));
        rateLimits.print(out);
    }
}
